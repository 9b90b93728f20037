/**
 * Fictitious Vietnamese people and organization names for the benchmark data set. Names are built
 * from parts so 2,000 organizations read naturally; uniqueness comes from the slug suffix, not here.
 */
import { pick, type Rng } from "./prng";

export type OrgTypeName = "UNIVERSITY" | "INSTITUTE" | "ENTERPRISE" | "INDIVIDUAL" | "INTERMEDIARY" | "STATE_AGENCY";

const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Phan",
];
const MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Hải", "Kim"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hiếu",
  "Hoa",
  "Hùng",
  "Hương",
  "Khánh",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phong",
  "Phương",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vinh",
  "Yến",
];
const TITLES = ["GS.TS.", "PGS.TS.", "TS.", "ThS.", "KS."];

const BRANDS = [
  "Minh Phát",
  "An Khang",
  "Tân Việt",
  "Hồng Hà",
  "Sông Đà",
  "Thăng Long",
  "Phú Gia",
  "Đại Việt",
  "Hòa Bình",
  "Trường Thành",
  "Nam Sơn",
  "Việt Xanh",
  "Kim Long",
  "Bắc Hà",
  "Đông Á",
  "Sao Mai",
  "Hưng Thịnh",
  "Lạc Hồng",
  "Thiên Phúc",
  "Ngọc Lan",
  "Gia Lâm",
  "Tây Hồ",
  "Hoàng Long",
  "Bình Minh",
  "Phương Nam",
  "Vạn Xuân",
];
const INDUSTRIES = [
  "Công nghệ Môi trường",
  "Thực phẩm",
  "Cơ khí Chính xác",
  "Dược phẩm",
  "Nông nghiệp Công nghệ cao",
  "Phần mềm",
  "Điện tử",
  "Vật liệu mới",
  "Năng lượng",
  "Thủy sản",
  "Hóa chất",
  "Xây dựng",
  "Thiết bị Y tế",
  "Giải pháp Số",
  "Chế biến Nông sản",
  "Tự động hóa",
  "Công nghệ Sinh học",
  "Thức ăn Chăn nuôi",
];
const LEGAL = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Hợp tác xã"];
const ACADEMIC_FIELDS = [
  "Công nghệ",
  "Kỹ thuật Công nghiệp",
  "Nông lâm",
  "Y Dược",
  "Khoa học Tự nhiên",
  "Thủy lợi",
  "Mỏ - Địa chất",
  "Giao thông Vận tải",
  "Xây dựng",
  "Kinh tế Kỹ thuật",
  "Công nghiệp Thực phẩm",
  "Tài nguyên và Môi trường",
];
const INSTITUTES = [
  "Viện Công nghệ Môi trường",
  "Viện Công nghệ Sinh học",
  "Viện Khoa học Vật liệu",
  "Viện Cơ điện Nông nghiệp",
  "Viện Hóa học Ứng dụng",
  "Viện Dược liệu Ứng dụng",
  "Viện Nghiên cứu Thủy sản",
  "Viện Kỹ thuật Điện tử",
  "Viện Cây trồng",
  "Viện Chăn nuôi",
  "Viện Công nghệ Thông tin",
  "Viện Cơ khí Chế tạo",
  "Viện Công nghệ Thực phẩm",
];
const REGIONS = [
  "Hà Nội",
  "Thăng Long",
  "Sông Hồng",
  "Đông Đô",
  "Kinh Bắc",
  "Xứ Đoài",
  "Thủ đô",
  "Hồng Lĩnh",
  "Tràng An",
];

export function personName(rng: Rng): string {
  return `${pick(rng, SURNAMES)} ${pick(rng, MIDDLE)} ${pick(rng, GIVEN)}`;
}

/** A name fitting the organization type, with an English rendering where one is natural. */
export function organizationName(rng: Rng, type: OrgTypeName): { name: string; nameEn: string | null } {
  switch (type) {
    case "UNIVERSITY": {
      const field = pick(rng, ACADEMIC_FIELDS);
      const region = pick(rng, REGIONS);
      return { name: `Trường Đại học ${field} ${region}`, nameEn: `${region} University (${field})` };
    }
    case "INSTITUTE": {
      const base = pick(rng, INSTITUTES);
      return { name: `${base} ${pick(rng, REGIONS)}`, nameEn: null };
    }
    case "ENTERPRISE": {
      const brand = pick(rng, BRANDS);
      return { name: `${pick(rng, LEGAL)} ${pick(rng, INDUSTRIES)} ${brand}`, nameEn: `${brand} Co., Ltd.` };
    }
    case "INDIVIDUAL":
      return { name: `${pick(rng, TITLES)} ${personName(rng)}`, nameEn: null };
    case "INTERMEDIARY": {
      const brand = pick(rng, BRANDS);
      return {
        name: `Trung tâm Tư vấn và Chuyển giao Công nghệ ${brand}`,
        nameEn: `${brand} Technology Transfer Centre`,
      };
    }
    case "STATE_AGENCY":
      return { name: `Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ ${pick(rng, REGIONS)}`, nameEn: null };
  }
}
