// Vietnam's classification of science and technology fields (Circular 24/2025/TT-BKHCN, which
// replaced Decision 12/2008/QĐ-BKHCN; aligned with the OECD Fields of Research and Development).
// Level 1: 6 fields ("1".."6"); level 2: 46 sectors (three-digit codes, parentCode = field code).
// Deeper levels (5- and 7-digit codes) are not shipped; department officers can edit this data.

export type TaxonomyRow = {
  code: string;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
  sortOrder: number;
};

type Sector = [code: string, nameVi: string, nameEn: string];
type Field = { code: string; nameVi: string; nameEn: string; sectors: Sector[] };

const FIELDS: Field[] = [
  {
    code: "1",
    nameVi: "Khoa học tự nhiên",
    nameEn: "Natural sciences",
    sectors: [
      ["101", "Toán học và thống kê", "Mathematics and statistics"],
      ["102", "Khoa học máy tính và thông tin", "Computer and information sciences"],
      ["103", "Vật lý", "Physical sciences"],
      ["104", "Hóa học", "Chemical sciences"],
      ["105", "Các khoa học trái đất và môi trường liên quan", "Earth and related environmental sciences"],
      ["106", "Sinh học", "Biological sciences"],
      ["199", "Khoa học tự nhiên khác", "Other natural sciences"],
    ],
  },
  {
    code: "2",
    nameVi: "Khoa học kỹ thuật và công nghệ",
    nameEn: "Engineering and technology",
    sectors: [
      ["201", "Kỹ thuật dân dụng", "Civil engineering"],
      [
        "202",
        "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin",
        "Electrical engineering, electronic engineering, information engineering",
      ],
      ["203", "Kỹ thuật cơ khí", "Mechanical engineering"],
      ["204", "Kỹ thuật hóa học", "Chemical engineering"],
      ["205", "Kỹ thuật vật liệu và luyện kim", "Materials engineering and metallurgy"],
      ["206", "Kỹ thuật y học", "Medical engineering"],
      ["207", "Kỹ thuật môi trường", "Environmental engineering"],
      ["208", "Công nghệ sinh học môi trường", "Environmental biotechnology"],
      ["209", "Công nghệ sinh học công nghiệp", "Industrial biotechnology"],
      ["210", "Công nghệ nano", "Nanotechnology"],
      ["211", "Kỹ thuật thực phẩm và đồ uống", "Food and beverage engineering"],
      ["299", "Khoa học kỹ thuật và công nghệ khác", "Other engineering and technologies"],
    ],
  },
  {
    code: "3",
    nameVi: "Khoa học y, dược",
    nameEn: "Medical and pharmaceutical sciences",
    sectors: [
      ["301", "Y học cơ sở", "Basic medicine"],
      ["302", "Y học lâm sàng", "Clinical medicine"],
      ["303", "Dược học", "Pharmaceutical sciences"],
      ["304", "Công nghệ sinh học trong y học", "Medical biotechnology"],
      ["305", "Khoa học sức khỏe", "Health sciences"],
      ["399", "Khoa học y, dược khác", "Other medical and pharmaceutical sciences"],
    ],
  },
  {
    code: "4",
    nameVi: "Khoa học nông nghiệp",
    nameEn: "Agricultural sciences",
    sectors: [
      ["401", "Trồng trọt", "Crop science"],
      ["402", "Chăn nuôi", "Animal husbandry"],
      ["403", "Thú y", "Veterinary science"],
      ["404", "Lâm nghiệp", "Forestry"],
      ["405", "Thủy sản", "Fisheries"],
      ["406", "Công nghệ sinh học trong nông nghiệp", "Agricultural biotechnology"],
      ["499", "Khoa học nông nghiệp khác", "Other agricultural sciences"],
    ],
  },
  {
    code: "5",
    nameVi: "Khoa học xã hội",
    nameEn: "Social sciences",
    sectors: [
      ["501", "Tâm lý học", "Psychology"],
      ["502", "Kinh tế và kinh doanh", "Economics and business"],
      ["503", "Khoa học giáo dục", "Educational sciences"],
      ["504", "Xã hội học", "Sociology"],
      ["505", "Pháp luật", "Law"],
      ["506", "Khoa học chính trị", "Political science"],
      ["507", "Địa lý kinh tế và xã hội", "Social and economic geography"],
      ["508", "Thông tin đại chúng và truyền thông", "Media and communications"],
      ["599", "Khoa học xã hội khác", "Other social sciences"],
    ],
  },
  {
    code: "6",
    nameVi: "Khoa học nhân văn",
    nameEn: "Humanities",
    sectors: [
      ["601", "Lịch sử và khảo cổ học", "History and archaeology"],
      ["602", "Ngôn ngữ học và văn học", "Languages and literature"],
      ["603", "Triết học, đạo đức học và tôn giáo", "Philosophy, ethics and religion"],
      ["604", "Nghệ thuật", "Arts"],
      ["699", "Khoa học nhân văn khác", "Other humanities"],
    ],
  },
];

/** Fields first (sortOrder 1..6), each followed by its sectors (sortOrder by code order within the field). */
export const TAXONOMY: TaxonomyRow[] = FIELDS.flatMap((field, fieldIndex) => [
  { code: field.code, parentCode: null, nameVi: field.nameVi, nameEn: field.nameEn, sortOrder: fieldIndex + 1 },
  ...field.sectors.map(([code, nameVi, nameEn], sectorIndex) => ({
    code,
    parentCode: field.code,
    nameVi,
    nameEn,
    sortOrder: sectorIndex + 1,
  })),
]);
