/**
 * Technical vocabulary per sector, "vi=en" pairs separated by "|", drawn from the kind of listings the
 * exchange receives (see prisma/data/demo-content.ts). Search quality depends on realistic term
 * overlap between sectors ("xử lý", "vi sinh", "nano", "IoT" recur), so terms are shared on purpose.
 */
export type Term = { vi: string; en: string };
export type SectorVocabulary = { topics: Term[]; methods: Term[]; contexts: Term[] };

const terms = (list: string): Term[] =>
  list.split("|").map((pair) => {
    const [vi, en] = pair.split("=");
    return { vi: vi!.trim().normalize("NFC"), en: (en ?? vi)!.trim() };
  });

const sector = (topics: string, methods: string, contexts: string): SectorVocabulary => ({
  topics: terms(topics),
  methods: terms(methods),
  contexts: terms(contexts),
});

/** Sectors with hand-written vocabulary; the others fall back to GENERIC plus their own name. */
export const SECTOR_VOCABULARY: Record<string, SectorVocabulary> = {
  "102": sector(
    "phần mềm quản lý=management software|nhận dạng hình ảnh=image recognition|xử lý ngôn ngữ tự nhiên=natural language processing|trợ lý ảo tiếng Việt=Vietnamese virtual assistant|truy xuất nguồn gốc=traceability|số hóa hồ sơ=records digitisation|phân tích dữ liệu lớn=big data analytics|an toàn thông tin=information security",
    "học sâu=deep learning|trí tuệ nhân tạo=artificial intelligence|điện toán đám mây=cloud computing|chuỗi khối=blockchain|thị giác máy tính=computer vision",
    "cơ quan nhà nước=public agencies|bệnh viện=hospitals|doanh nghiệp vừa và nhỏ=SMEs|trường học=schools|ngân hàng=banks|hợp tác xã nông nghiệp=agricultural cooperatives",
  ),
  "104": sector(
    "chất xúc tác=catalyst|phân tích hóa học=chemical analysis|tổng hợp hữu cơ=organic synthesis|chất hoạt động bề mặt=surfactant|sơn chống ăn mòn=anti-corrosion paint|hóa chất xử lý nước=water treatment chemicals",
    "chiết xuất siêu tới hạn=supercritical extraction|sắc ký lỏng hiệu năng cao=HPLC|tổng hợp xanh=green synthesis|điện hóa=electrochemistry",
    "nhà máy hóa chất=chemical plants|phòng thí nghiệm=laboratories|khu công nghiệp=industrial parks|ngành dệt nhuộm=textile dyeing",
  ),
  "106": sector(
    "chủng vi sinh vật=microbial strain|chỉ thị phân tử=molecular marker|nuôi cấy mô=tissue culture|giải trình tự gen=gene sequencing|bảo tồn nguồn gen=genetic resource conservation",
    "sinh học phân tử=molecular biology|PCR định lượng=quantitative PCR|lên men=fermentation|công nghệ tế bào=cell technology",
    "vườn quốc gia=national parks|trung tâm giống=breeding centres|phòng thí nghiệm=laboratories|vùng nuôi trồng=farming areas",
  ),
  "201": sector(
    "vật liệu xây dựng không nung=unfired building materials|bê tông cường độ cao=high-strength concrete|gia cố nền đất yếu=soft ground improvement|kết cấu thép nhẹ=light steel structure|nhà tiết kiệm năng lượng=energy-efficient building|quan trắc công trình=structural monitoring",
    "tro bay=fly ash|phụ gia khoáng=mineral admixture|cảm biến sợi quang=fibre-optic sensors|mô hình thông tin công trình BIM=BIM",
    "công trình giao thông=transport works|nhà cao tầng=high-rise buildings|khu đô thị mới=new urban areas|đê điều=dykes",
  ),
  "202": sector(
    "hệ thống IoT=IoT system|cảm biến=sensor|biến tần=inverter|điện mặt trời=solar power|pin lithium=lithium battery|vi mạch=integrated circuit|đèn LED=LED lighting|lưu trữ năng lượng=energy storage|trạm sạc xe điện=EV charging station",
    "điện tử công suất=power electronics|truyền thông không dây LoRa=LoRa wireless|vi điều khiển=microcontroller|điều khiển thông minh=smart control|năng lượng tái tạo=renewable energy",
    "nhà màng=greenhouses|lưới điện phân phối=distribution grid|nhà máy=factories|tòa nhà văn phòng=office buildings|trạm quan trắc=monitoring stations",
  ),
  "203": sector(
    "máy sấy nông sản=agricultural dryer|dây chuyền đóng gói=packaging line|máy in 3D=3D printer|robot công nghiệp=industrial robot|máy CNC=CNC machine|khuôn mẫu=moulds and dies|máy thu hoạch=harvesting machine",
    "bơm nhiệt=heat pump|tự động hóa=automation|gia công chính xác=precision machining|hàn tự động=automated welding|cơ giới hóa=mechanisation",
    "làng nghề cơ khí=metalworking villages|hợp tác xã=cooperatives|nhà máy chế biến=processing plants|xưởng sản xuất=workshops",
  ),
  "204": sector(
    "phân bón nhả chậm=slow-release fertiliser|nhiên liệu sinh học=biofuel|nhựa phân hủy sinh học=biodegradable plastic|chưng cất tinh dầu=essential oil distillation|keo dán gỗ=wood adhesive",
    "phản ứng xúc tác=catalytic reaction|sấy phun=spray drying|chưng cất phân đoạn=fractional distillation|polyme hóa=polymerisation",
    "nhà máy phân bón=fertiliser plants|cơ sở chế biến gỗ=wood processing plants|nhà máy hóa chất=chemical plants",
  ),
  "205": sector(
    "vật liệu nano=nanomaterial|vật liệu composite=composite material|hợp kim nhôm=aluminium alloy|gốm kỹ thuật=technical ceramics|lớp phủ chống mài mòn=wear-resistant coating|thép chịu nhiệt=heat-resistant steel",
    "luyện kim bột=powder metallurgy|phun phủ nhiệt=thermal spraying|xử lý nhiệt=heat treatment|đúc áp lực=die casting",
    "nhà máy cơ khí=engineering plants|ngành đóng tàu=shipbuilding|công nghiệp ô tô=automotive industry|ngành xây dựng=construction",
  ),
  "206": sector(
    "thiết bị y tế=medical device|thiết bị đeo theo dõi sức khỏe=health wearable|máy thở=ventilator|nẹp chỉnh hình=orthopaedic brace|thiết bị phục hồi chức năng=rehabilitation device",
    "in 3D=3D printing|cảm biến sinh học=biosensor|xử lý tín hiệu y sinh=biomedical signal processing|vật liệu tương thích sinh học=biocompatible materials",
    "bệnh viện tuyến huyện=district hospitals|trạm y tế xã=commune health stations|người cao tuổi=the elderly|phòng khám=clinics",
  ),
  "207": sector(
    "xử lý nước thải=wastewater treatment|bùn thải=sewage sludge|khí thải=flue gas|tái chế chất thải=waste recycling|chất thải rắn sinh hoạt=municipal solid waste|quan trắc môi trường=environmental monitoring|xử lý nước cấp=drinking water treatment|lọc bụi=dust filtration",
    "lọc màng=membrane filtration|sinh học hiếu khí=aerobic biological treatment|oxy hóa nâng cao=advanced oxidation|kỵ khí=anaerobic digestion|hấp phụ than hoạt tính=activated carbon adsorption|đốt hai cấp=two-stage incineration",
    "làng nghề=craft villages|khu công nghiệp=industrial parks|bệnh viện=hospitals|cụm dân cư=residential clusters|trang trại chăn nuôi=livestock farms|nhà máy dệt nhuộm=textile dyeing plants",
  ),
  "208": sector(
    "chế phẩm vi sinh=microbial product|phân hủy dầu mỡ=grease degradation|ủ phân compost=composting|xử lý ô nhiễm đất=soil remediation|khử mùi chuồng trại=barn odour control",
    "vi sinh vật bản địa=indigenous microorganisms|enzyme=enzymes|thực vật thủy sinh=aquatic plants|lên men=fermentation",
    "trang trại chăn nuôi=livestock farms|bãi chôn lấp=landfills|ao hồ đô thị=urban lakes|khu công nghiệp=industrial parks",
  ),
  "209": sector(
    "sản xuất enzyme=enzyme production|lên men công nghiệp=industrial fermentation|axit lactic=lactic acid|collagen peptide=collagen peptide|cồn sinh học=bioethanol|phân bón hữu cơ vi sinh=microbial organic fertiliser|men vi sinh=probiotics",
    "nấm men=yeast|vi khuẩn lactic=lactic acid bacteria|thủy phân enzyme=enzymatic hydrolysis|lên men chìm=submerged fermentation|công nghệ sinh học=biotechnology",
    "phụ phẩm nông nghiệp=agricultural by-products|nhà máy thức ăn chăn nuôi=feed mills|ngành thủy sản=fisheries industry|nhà máy tinh bột sắn=cassava starch plants",
  ),
  "210": sector(
    "hạt nano bạc=silver nanoparticles|màng nano=nano film|vật liệu graphene=graphene material|nano curcumin=nano curcumin|cảm biến nano=nano sensor",
    "tổng hợp thủy nhiệt=hydrothermal synthesis|phún xạ=sputtering|sol-gel=sol-gel|kính hiển vi điện tử=electron microscopy",
    "ngành dược phẩm=pharmaceutical industry|ngành điện tử=electronics industry|bảo quản thực phẩm=food preservation|xử lý nước=water treatment",
  ),
  "211": sector(
    "sấy thăng hoa=freeze drying|bảo quản sau thu hoạch=post-harvest preservation|chế biến nông sản=agricultural processing|nước mắm=fish sauce|sữa hạt=plant-based milk|đồ uống lên men=fermented beverages|thực phẩm chức năng=functional food",
    "tiệt trùng UHT=UHT sterilisation|màng bao ăn được=edible coating|khí quyển điều chỉnh=modified atmosphere|đồng hóa áp suất cao=high-pressure homogenisation",
    "hợp tác xã=cooperatives|doanh nghiệp chế biến=processing enterprises|vùng trồng vải thiều=lychee growing areas|làng nghề truyền thống=traditional craft villages",
  ),
  "302": sector(
    "chẩn đoán hình ảnh=diagnostic imaging|phác đồ điều trị=treatment protocol|phẫu thuật nội soi=endoscopic surgery|tầm soát ung thư=cancer screening|phục hồi chức năng=rehabilitation",
    "trí tuệ nhân tạo=artificial intelligence|xét nghiệm sinh hóa=biochemical testing|y học từ xa=telemedicine|kỹ thuật vi phẫu=microsurgery",
    "bệnh viện tuyến tỉnh=provincial hospitals|trạm y tế=health stations|phòng khám đa khoa=general clinics",
  ),
  "303": sector(
    "dược liệu=medicinal herbs|cao chiết chuẩn hóa=standardised extract|viên nang=capsules|siro thảo dược=herbal syrup|kem bôi da=topical cream|thuốc generic=generic drug|viên nén giải phóng kéo dài=extended-release tablet",
    "bào chế=formulation|chiết xuất=extraction|y học cổ truyền=traditional medicine|kiểm nghiệm=quality testing",
    "nhà máy GMP-WHO=GMP-WHO plants|vùng trồng dược liệu=herb growing areas|nhà thuốc=pharmacies|bệnh viện y học cổ truyền=traditional medicine hospitals",
  ),
  "304": sector(
    "kit xét nghiệm=test kit|chẩn đoán nhanh=rapid diagnostics|vắc xin=vaccine|kháng thể đơn dòng=monoclonal antibody|tế bào gốc=stem cells",
    "RT-LAMP=RT-LAMP|sinh học phân tử=molecular biology|ELISA=ELISA|giải trình tự gen=gene sequencing",
    "bệnh viện=hospitals|trung tâm kiểm soát bệnh tật=disease control centres|phòng xét nghiệm=testing laboratories",
  ),
  "401": sector(
    "giống lúa chịu mặn=salt-tolerant rice variety|phân bón hữu cơ=organic fertiliser|tưới nhỏ giọt=drip irrigation|phòng trừ sâu bệnh=pest control|canh tác hữu cơ=organic farming|nhân giống cây trồng=plant propagation",
    "nông nghiệp công nghệ cao=high-tech agriculture|chỉ thị phân tử=marker-assisted selection|chế phẩm sinh học=biological products|cảm biến độ ẩm=moisture sensors",
    "đồng bằng sông Hồng=Red River Delta|vùng trung du=midlands|hợp tác xã=cooperatives|nhà màng=greenhouses|vùng trồng rau an toàn=safe vegetable zones",
  ),
  "402": sector(
    "thức ăn chăn nuôi=animal feed|chuồng trại khép kín=closed barns|giống lợn=pig breed|gà thả vườn=free-range chicken|xử lý chất thải chăn nuôi=livestock waste treatment",
    "men vi sinh=probiotics|đệm lót sinh học=biological bedding|phối trộn tự động=automatic mixing|quản lý đàn bằng phần mềm=herd management software",
    "trang trại quy mô vừa=medium-sized farms|hộ chăn nuôi=household farms|hợp tác xã=cooperatives",
  ),
  "403": sector(
    "vắc xin thú y=veterinary vaccine|chẩn đoán bệnh động vật=animal disease diagnosis|dịch tả lợn châu Phi=African swine fever|kháng sinh thay thế=antibiotic alternatives",
    "PCR=PCR|thảo dược=herbal medicine|miễn dịch học=immunology|giám sát dịch bệnh=disease surveillance",
    "trang trại chăn nuôi=livestock farms|trạm thú y=veterinary stations|vùng nuôi thủy sản=aquaculture areas",
  ),
  "404": sector(
    "giống keo lai=hybrid acacia|trồng rừng gỗ lớn=large-timber plantations|phòng chống cháy rừng=forest fire prevention|lâm sản ngoài gỗ=non-timber forest products",
    "nuôi cấy mô=tissue culture|viễn thám=remote sensing|bản đồ số=digital mapping|chế biến gỗ=wood processing",
    "vùng núi phía Bắc=northern mountains|ban quản lý rừng=forest management boards|hộ trồng rừng=forest-growing households",
  ),
  "405": sector(
    "nuôi tôm thẻ chân trắng=whiteleg shrimp farming|thức ăn thủy sản=aquafeed|bảo quản cá=fish preservation|giống cá=fish fingerlings|nuôi trồng thủy sản tuần hoàn=recirculating aquaculture",
    "hệ thống RAS=RAS|men vi sinh=probiotics|quan trắc chất lượng nước=water quality monitoring|cấp đông nhanh=quick freezing",
    "vùng nuôi ven biển=coastal farming areas|ao nuôi=ponds|tàu cá=fishing vessels|nhà máy chế biến thủy sản=seafood processing plants",
  ),
  "406": sector(
    "chế phẩm sinh học=biological product|giống cây chuyển gen=transgenic crop|nhân giống in vitro=in vitro propagation|nấm ăn và nấm dược liệu=edible and medicinal mushrooms",
    "chỉnh sửa gen CRISPR=CRISPR gene editing|nuôi cấy mô=tissue culture|vi sinh vật có ích=beneficial microorganisms",
    "trung tâm giống=breeding centres|hợp tác xã=cooperatives|trang trại nấm=mushroom farms",
  ),
  "502": sector(
    "mô hình kinh doanh=business model|quản trị chuỗi cung ứng=supply chain management|thương mại điện tử=e-commerce|định giá công nghệ=technology valuation",
    "phân tích dữ liệu=data analytics|khảo sát thị trường=market research|chuyển đổi số=digital transformation",
    "doanh nghiệp vừa và nhỏ=SMEs|hợp tác xã=cooperatives|làng nghề=craft villages",
  ),
  "503": sector(
    "học tập thích ứng=adaptive learning|giáo dục STEM=STEM education|học liệu số=digital learning materials|đánh giá năng lực=competency assessment",
    "nền tảng trực tuyến=online platform|trí tuệ nhân tạo=artificial intelligence|thực tế ảo=virtual reality",
    "trường trung học cơ sở=lower secondary schools|trường đại học=universities|trung tâm giáo dục nghề nghiệp=vocational centres",
  ),
};

/** Phrases any sector may use; also the whole vocabulary of sectors without their own entry. */
export const GENERIC: SectorVocabulary = {
  topics: terms(
    "cơ sở dữ liệu=database|phần mềm quản lý=management software|bộ tiêu chí đánh giá=assessment criteria|mô hình dự báo=forecasting model|công cụ hỗ trợ ra quyết định=decision-support tool|số hóa tư liệu=archive digitisation",
  ),
  methods: terms(
    "chuyển đổi số=digital transformation|phân tích thống kê=statistical analysis|khảo sát thực địa=field surveys|bản đồ số=digital mapping",
  ),
  contexts: terms(
    "cơ quan nhà nước=public agencies|doanh nghiệp=enterprises|cộng đồng dân cư=local communities|trường học=schools",
  ),
};

/** Rare terms sprinkled into a small share of descriptions, so "rare word" queries have few hits. */
export const RARE_TERMS = [
  "perovskite",
  "hydroxyapatite",
  "aerogel silica",
  "Trichoderma reesei",
  "spirulina",
  "astaxanthin",
  "fucoidan",
  "nattokinase",
  "biochar",
  "graphene oxit",
  "bèo hoa dâu",
  "đông trùng hạ thảo",
];
