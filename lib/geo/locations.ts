// Locations for listings and organizations.
// Choice: Hanoi is split into its 30 former district-level units (quận/huyện/thị xã; abolished as
// administrative levels on 1 July 2025) because users still describe where they are that way and the
// Department reports "by district"; the rest of Vietnam is listed by the 34 provincial units created by
// the 2025 merger (Resolution 202/2025/QH15), Hanoi itself being the city-wide code "HN".

export type LocationRow = { code: string; nameVi: string; nameEn: string; kind: "hanoi" | "province" };

type Row = [code: string, nameVi: string, nameEn: string];

const HANOI_CITY: Row = ["HN", "Hà Nội (toàn thành phố)", "Hanoi (city-wide)"];

/** The 30 former district-level units of Hanoi: 12 urban districts, 1 town, 17 rural districts. */
const HANOI_AREAS: Row[] = [
  ["HN-BADINH", "Ba Đình", "Ba Dinh"],
  ["HN-HOANKIEM", "Hoàn Kiếm", "Hoan Kiem"],
  ["HN-TAYHO", "Tây Hồ", "Tay Ho"],
  ["HN-LONGBIEN", "Long Biên", "Long Bien"],
  ["HN-CAUGIAY", "Cầu Giấy", "Cau Giay"],
  ["HN-DONGDA", "Đống Đa", "Dong Da"],
  ["HN-HAIBATRUNG", "Hai Bà Trưng", "Hai Ba Trung"],
  ["HN-HOANGMAI", "Hoàng Mai", "Hoang Mai"],
  ["HN-THANHXUAN", "Thanh Xuân", "Thanh Xuan"],
  ["HN-NAMTULIEM", "Nam Từ Liêm", "Nam Tu Liem"],
  ["HN-BACTULIEM", "Bắc Từ Liêm", "Bac Tu Liem"],
  ["HN-HADONG", "Hà Đông", "Ha Dong"],
  ["HN-SONTAY", "Sơn Tây", "Son Tay"],
  ["HN-BAVI", "Ba Vì", "Ba Vi"],
  ["HN-CHUONGMY", "Chương Mỹ", "Chuong My"],
  ["HN-DANPHUONG", "Đan Phượng", "Dan Phuong"],
  ["HN-DONGANH", "Đông Anh", "Dong Anh"],
  ["HN-GIALAM", "Gia Lâm", "Gia Lam"],
  ["HN-HOAIDUC", "Hoài Đức", "Hoai Duc"],
  ["HN-MELINH", "Mê Linh", "Me Linh"],
  ["HN-MYDUC", "Mỹ Đức", "My Duc"],
  ["HN-PHUXUYEN", "Phú Xuyên", "Phu Xuyen"],
  ["HN-PHUCTHO", "Phúc Thọ", "Phuc Tho"],
  ["HN-QUOCOAI", "Quốc Oai", "Quoc Oai"],
  ["HN-SOCSON", "Sóc Sơn", "Soc Son"],
  ["HN-THACHTHAT", "Thạch Thất", "Thach That"],
  ["HN-THANHOAI", "Thanh Oai", "Thanh Oai"],
  ["HN-THANHTRI", "Thanh Trì", "Thanh Tri"],
  ["HN-THUONGTIN", "Thường Tín", "Thuong Tin"],
  ["HN-UNGHOA", "Ứng Hòa", "Ung Hoa"],
];

/** The other 33 provincial units after the 2025 merger (5 centrally-run cities, 28 provinces), north to south. */
const PROVINCES: Row[] = [
  ["P-CAOBANG", "Cao Bằng", "Cao Bang"],
  ["P-TUYENQUANG", "Tuyên Quang", "Tuyen Quang"],
  ["P-LAOCAI", "Lào Cai", "Lao Cai"],
  ["P-DIENBIEN", "Điện Biên", "Dien Bien"],
  ["P-LAICHAU", "Lai Châu", "Lai Chau"],
  ["P-SONLA", "Sơn La", "Son La"],
  ["P-THAINGUYEN", "Thái Nguyên", "Thai Nguyen"],
  ["P-LANGSON", "Lạng Sơn", "Lang Son"],
  ["P-QUANGNINH", "Quảng Ninh", "Quang Ninh"],
  ["P-PHUTHO", "Phú Thọ", "Phu Tho"],
  ["P-BACNINH", "Bắc Ninh", "Bac Ninh"],
  ["P-HAIPHONG", "Hải Phòng", "Hai Phong"],
  ["P-HUNGYEN", "Hưng Yên", "Hung Yen"],
  ["P-NINHBINH", "Ninh Bình", "Ninh Binh"],
  ["P-THANHHOA", "Thanh Hóa", "Thanh Hoa"],
  ["P-NGHEAN", "Nghệ An", "Nghe An"],
  ["P-HATINH", "Hà Tĩnh", "Ha Tinh"],
  ["P-QUANGTRI", "Quảng Trị", "Quang Tri"],
  ["P-HUE", "Huế", "Hue"],
  ["P-DANANG", "Đà Nẵng", "Da Nang"],
  ["P-QUANGNGAI", "Quảng Ngãi", "Quang Ngai"],
  ["P-GIALAI", "Gia Lai", "Gia Lai"],
  ["P-DAKLAK", "Đắk Lắk", "Dak Lak"],
  ["P-KHANHHOA", "Khánh Hòa", "Khanh Hoa"],
  ["P-LAMDONG", "Lâm Đồng", "Lam Dong"],
  ["P-DONGNAI", "Đồng Nai", "Dong Nai"],
  ["P-HCM", "TP. Hồ Chí Minh", "Ho Chi Minh City"],
  ["P-TAYNINH", "Tây Ninh", "Tay Ninh"],
  ["P-DONGTHAP", "Đồng Tháp", "Dong Thap"],
  ["P-VINHLONG", "Vĩnh Long", "Vinh Long"],
  ["P-CANTHO", "Cần Thơ", "Can Tho"],
  ["P-ANGIANG", "An Giang", "An Giang"],
  ["P-CAMAU", "Cà Mau", "Ca Mau"],
];

export const LOCATIONS: LocationRow[] = [
  ...[HANOI_CITY, ...HANOI_AREAS].map(([code, nameVi, nameEn]): LocationRow => ({
    code,
    nameVi,
    nameEn,
    kind: "hanoi",
  })),
  ...PROVINCES.map(([code, nameVi, nameEn]): LocationRow => ({ code, nameVi, nameEn, kind: "province" })),
];

/** All location codes, for zod enums. */
export const LOCATION_CODES: string[] = LOCATIONS.map((l) => l.code);
