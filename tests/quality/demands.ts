/**
 * Published demands. They belong to seeker organizations that own no offers, because matching
 * never proposes an organization's own offers to it. The first twelve are labelled in matches.ts.
 */
import type { DemandSpec } from "./types";

export const DEMANDS: DemandSpec[] = [
  // ── Labelled (see matches.ts) ───────────────────────────────────────────
  {
    key: "d-domestic-ww", org: "biz-city", sectorCode: "207", trlMin: 6, budget: [300, 1000],
    titleVi: "Cần giải pháp xử lý nước thải sinh hoạt cho khu tái định cư 300 hộ",
    summaryVi: "Khu tái định cư chưa có trạm xử lý, nước thải sinh hoạt xả thẳng ra mương tiêu.",
    description: "Ban quản lý cần công nghệ đạt QCVN 14:2008/BTNMT, chi phí vận hành thấp, ít diện tích, đã được áp dụng thực tế.",
    keywords: ["nước thải sinh hoạt", "xử lý nước thải", "khu dân cư"],
  },
  {
    key: "d-seafood-ww", org: "biz-seafood", sectorCode: "207", trlMin: 7, budget: [600, 2000],
    titleVi: "Tìm công nghệ xử lý nước thải nhà máy chế biến thủy sản",
    titleEn: "Seeking seafood-processing wastewater treatment",
    summaryVi: "Nhà máy phi lê cá tra xả 400 m³ nước thải mỗi ngày, nhiều dầu mỡ và đạm.",
    description: "Hệ thống hiện tại quá tải, COD và amoni vượt QCVN 11-MT:2015/BTNMT. Cần cải tạo, ưu tiên công nghệ đã vận hành ở nhà máy tương tự.",
    keywords: ["nước thải công nghiệp", "chế biến thủy sản", "dầu mỡ"],
  },
  {
    key: "d-piggery", org: "biz-farm", sectorCode: "208", trlMin: 6, budget: [50, 400],
    titleVi: "Xử lý chất thải và nước thải trang trại lợn 3.000 con",
    summaryVi: "Trang trại bị phản ánh về mùi và nước thải chăn nuôi chảy ra ruộng.",
    description: "Cần giải pháp thu gom, tách phân, biogas và xử lý nước sau biogas; kinh phí hạn chế.",
    keywords: ["chất thải chăn nuôi", "nước thải chăn nuôi", "biogas"],
  },
  {
    key: "d-boiler-air", org: "biz-food", sectorCode: "207", trlMin: 6, budget: [500, 2000],
    titleVi: "Cần hệ thống xử lý khí thải lò hơi đốt than kèm quan trắc tự động",
    summaryVi: "Lò hơi 6 tấn/giờ của nhà máy thực phẩm, bụi và SO2 vượt quy chuẩn.",
    description: "Yêu cầu xử lý khí thải đạt QCVN 19:2009/BTNMT và lắp quan trắc khí thải tự động, liên tục truyền về Sở.",
    keywords: ["khí thải", "lò hơi", "quan trắc"],
  },
  {
    key: "d-clean-water", org: "biz-city", sectorCode: "207", trlMin: 6, budget: [20, 300],
    titleVi: "Cần giải pháp cấp nước sạch cho hộ dân và trường học vùng khó khăn",
    summaryVi: "Nhiều hộ vẫn dùng nước giếng khoan nhiễm asen và nước sông chưa qua xử lý.",
    description: "Ưu tiên thiết bị nhỏ gọn, dễ vận hành, không phụ thuộc điện lưới, cho nước uống đạt quy chuẩn Bộ Y tế.",
    keywords: ["nước sạch", "nước uống", "asen"],
  },
  {
    key: "d-unfired-brick", org: "biz-build", sectorCode: "201", trlMin: 7, budget: [100, 1000],
    titleVi: "Chuyển giao công nghệ sản xuất gạch không nung từ phế thải công nghiệp",
    summaryVi: "Doanh nghiệp vật liệu xây dựng muốn chuyển từ gạch đất sét nung sang gạch không nung.",
    description: "Có sẵn nguồn tro xỉ và xỉ thép giá rẻ; cần công nghệ đã sản xuất thương mại, vốn đầu tư dưới 1 tỷ đồng.",
    keywords: ["gạch không nung", "vật liệu xây dựng", "tro xỉ"],
  },
  {
    key: "d-fruit-preserve", org: "biz-food", sectorCode: "211", trlMin: 6, budget: [150, 1200],
    titleVi: "Cần công nghệ bảo quản thanh long, xoài tươi để xuất khẩu",
    summaryVi: "Hao hụt sau thu hoạch cao, quả hỏng trước khi tới thị trường xa.",
    description: "Cần kéo dài thời gian bảo quản quả tươi thêm vài tuần, an toàn thực phẩm, đáp ứng yêu cầu nước nhập khẩu.",
    keywords: ["bảo quản sau thu hoạch", "thanh long", "xoài"],
  },
  {
    key: "d-shrimp", org: "biz-farm", sectorCode: "405", trlMin: 7, budget: [300, 3000],
    titleVi: "Nuôi tôm thẻ chân trắng thâm canh ít thay nước, kiểm soát dịch bệnh",
    summaryVi: "Vùng nuôi thiếu nước sạch, dịch bệnh thường xuyên, cần mô hình nuôi mới.",
    description: "Hợp tác xã có 5 ha ao nuôi, muốn chuyển sang công nghệ nuôi tôm tuần hoàn hoặc ít thay nước, năng suất cao.",
    keywords: ["nuôi tôm", "tôm thẻ chân trắng", "ít thay nước"],
  },
  {
    key: "d-plate", org: "biz-city", sectorCode: "102", trlMin: 7, budget: [100, 400],
    titleVi: "Cần phần mềm nhận dạng biển số cho bãi đỗ xe thông minh",
    summaryVi: "Quản lý 5 bãi đỗ xe công cộng, thu phí tự động theo biển số.",
    description: "Yêu cầu nhận dạng biển số Việt Nam cả ban đêm, kết nối barie và thanh toán không tiền mặt.",
    keywords: ["nhận dạng biển số", "bãi đỗ xe"],
  },
  {
    key: "d-salt-rice", org: "biz-farm", sectorCode: "401", trlMin: 6, budget: [100, 500],
    titleVi: "Cần giống lúa chịu mặn cho các xã ven biển",
    summaryVi: "Xâm nhập mặn làm mất trắng vụ xuân ở nhiều chân ruộng.",
    description: "Hợp tác xã cần giống lúa chịu mặn năng suất khá, đã được công nhận, kèm quy trình canh tác.",
    keywords: ["giống lúa", "chịu mặn"],
  },
  {
    key: "d-solar", org: "biz-build", sectorCode: "202", trlMin: 7, budget: [30, 800],
    titleVi: "Lắp điện mặt trời áp mái kèm lưu trữ cho nhà xưởng",
    summaryVi: "Giảm tiền điện giờ cao điểm cho xưởng sản xuất 3.000 m² mái.",
    description: "Cần thiết bị biến tần hòa lưới và hệ thống pin lưu trữ sản xuất trong nước, có bảo hành.",
    keywords: ["điện mặt trời", "lưu trữ năng lượng", "biến tần"],
  },
  {
    key: "d-dengue", org: "biz-health", sectorCode: "304", trlMin: 6, budget: [200, 1500],
    titleVi: "Cần bộ xét nghiệm nhanh sốt xuất huyết cho trạm y tế xã",
    summaryVi: "Mùa dịch cần chẩn đoán sớm tại tuyến xã, không có máy xét nghiệm.",
    description: "Test nhanh dùng máu đầu ngón tay, đọc bằng mắt thường, bảo quản ở nhiệt độ phòng.",
    keywords: ["xét nghiệm nhanh", "sốt xuất huyết"],
  },
  // ── Unlabelled: realistic load for the matcher and search ───────────────
  {
    key: "d-textile-ww", org: "biz-build", sectorCode: "207", trlMin: 5, budget: [300, 1500],
    titleVi: "Xử lý nước thải nhuộm cho cụm công nghiệp làng nghề dệt",
    description: "Nước thải nhuộm có màu và COD cao, cần công nghệ phù hợp quy mô hộ sản xuất.",
    keywords: ["nước thải dệt nhuộm", "làng nghề"],
  },
  {
    key: "d-compost", org: "biz-city", sectorCode: "208", trlMin: 7, budget: [100, 500],
    titleVi: "Xử lý rác hữu cơ tại chợ đầu mối thành phân bón",
    description: "Chợ phát sinh 5 tấn rác rau quả mỗi ngày, cần xử lý tại chỗ.",
    keywords: ["rác thải hữu cơ", "compost"],
  },
  {
    key: "d-chatbot", org: "biz-city", sectorCode: "102", trlMin: 6, budget: [100, 400],
    titleVi: "Trợ lý ảo trả lời câu hỏi của người dân cho UBND phường",
    description: "Trả lời tự động về thủ tục hành chính trên trang thông tin điện tử và Zalo.",
    keywords: ["chatbot", "dịch vụ công"],
  },
  {
    key: "d-trace", org: "biz-farm", sectorCode: "102", trlMin: 7, budget: [50, 200],
    titleVi: "Truy xuất nguồn gốc rau an toàn cho hợp tác xã",
    description: "Cần tem QR và nhật ký điện tử để vào chuỗi siêu thị.",
    keywords: ["truy xuất nguồn gốc", "rau an toàn"],
  },
  {
    key: "d-biodiesel", org: "biz-seafood", sectorCode: "204", trlMin: 6, budget: [500, 1500],
    titleVi: "Tận dụng mỡ cá tra làm nhiên liệu",
    description: "Nhà máy có 10 tấn mỡ cá mỗi tháng, muốn sản xuất nhiên liệu dùng nội bộ.",
    keywords: ["mỡ cá", "nhiên liệu sinh học"],
  },
  {
    key: "d-orchid", org: "biz-farm", sectorCode: "406", trlMin: 7, budget: [50, 300],
    titleVi: "Nhân giống hoa lan quy mô công nghiệp",
    description: "Cần quy trình nuôi cấy mô và đào tạo kỹ thuật viên cho phòng nuôi cấy mới.",
    keywords: ["nuôi cấy mô", "hoa lan"],
  },
  {
    key: "d-fire", org: "biz-city", sectorCode: "102", trlMin: 6, budget: [200, 800],
    titleVi: "Giám sát phát hiện cháy rừng cho khu bảo tồn thiên nhiên",
    description: "Diện tích 5.000 ha rừng thông, cần phát hiện cháy sớm trong mùa khô.",
    keywords: ["cháy rừng", "giám sát"],
  },
  {
    key: "d-harvester", org: "biz-farm", sectorCode: "203", trlMin: 7, budget: [200, 900],
    titleVi: "Cơ giới hóa thu hoạch lúa vùng đồi",
    description: "Ruộng nhỏ, bờ cao, máy gặt lớn không vào được.",
    keywords: ["máy gặt", "cơ giới hóa"],
  },
  {
    key: "d-heritage", org: "biz-city", sectorCode: "601", trlMin: 6, budget: [100, 500],
    titleVi: "Số hóa hiện vật cho bảo tàng quận",
    description: "Cần mô hình 3D của 200 hiện vật để trưng bày trực tuyến.",
    keywords: ["số hóa di sản", "bảo tàng"],
  },
  {
    key: "d-ventilator", org: "biz-health", sectorCode: "206", trlMin: 7, budget: [200, 800],
    titleVi: "Thiết bị hỗ trợ hô hấp cho trung tâm y tế huyện",
    description: "Cần máy thở không xâm lấn giá hợp lý, có bảo trì trong nước.",
    keywords: ["máy thở", "thiết bị y tế"],
  },
  {
    key: "d-fishsauce", org: "biz-seafood", sectorCode: "211", trlMin: 7, budget: [200, 800],
    titleVi: "Rút ngắn thời gian chượp nước mắm truyền thống",
    description: "Cơ sở sản xuất muốn tăng vòng quay thùng chượp mà giữ hương vị.",
    keywords: ["nước mắm", "lên men"],
  },
  {
    key: "d-meter", org: "biz-build", sectorCode: "202", trlMin: 7, budget: [100, 500],
    titleVi: "Đo đếm điện năng từ xa cho khu công nghiệp",
    description: "Thay công tơ cơ bằng công tơ điện tử đọc chỉ số tự động.",
    keywords: ["công tơ điện tử", "đo đếm điện năng"],
  },
  {
    key: "d-vr", org: "biz-health", sectorCode: "503", trlMin: 6, budget: [100, 400],
    titleVi: "Học liệu số thực tế ảo cho trường trung học cơ sở",
    description: "Thí nghiệm ảo môn khoa học tự nhiên cho trường thiếu phòng thí nghiệm.",
    keywords: ["thực tế ảo", "học liệu số"],
  },
];
