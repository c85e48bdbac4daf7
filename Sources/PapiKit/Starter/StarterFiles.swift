/// The files `papi init` writes: what an office edits to use papi on its own surveys. Each
/// is commented in Vietnamese, the language of the people who edit it; the keys are the
/// ones every papi file uses.
enum StarterFiles {
  /// The targets, with an example and a comment for each kind of rule (PRODUCT.md §3.3).
  static let targets = """
    # Chỉ tiêu của đơn vị, dùng cho:
    #   papi report --wave 2024 --targets chi-tieu.yaml
    #   papi plan --wave 2024 --targets chi-tieu.yaml --tasks nhiem-vu.yaml
    #
    # Mỗi quy tắc có ba phần:
    #   metric  chỉ số: total (tổng điểm), d1 … d8 (8 chỉ số nội dung PAPI), d1.1 … (nội dung
    #           thành phần), rank (thứ hạng, 1 là cao nhất) hoặc "*" (mọi chỉ số nội dung);
    #   phạm vi level (cả một cấp: commune, district, province), parent (các đơn vị thuộc một
    #           đơn vị cấp trên, theo mã) hoặc unit (một đơn vị, theo mã);
    #   loại    target, previous, peer_mean, benchmark hoặc top (xem từng ví dụ dưới đây).
    # Với một đơn vị và một chỉ số, quy tắc cụ thể nhất được dùng: unit hơn parent hơn level;
    # chỉ số có tên hơn "*". Hai quy tắc ngang nhau là lỗi, papi chỉ ra cả hai.
    # Mã đơn vị viết trong dấu ngoặc kép ("62"), để số 0 ở đầu không bị mất.

    # Dưới số người trả lời này, điểm của đơn vị là "không đủ dữ liệu" và không bị cảnh báo.
    min_n: 30

    rules:
      # previous: không thấp hơn đợt khảo sát trước (+0), hoặc phải tăng ít nhất 0,2 (+0.2).
      - {metric: total, level: commune, previous: +0}

      # peer_mean: không thấp hơn trung bình các đơn vị cùng cấp, cùng đơn vị cấp trên.
      - {metric: "*", level: commune, peer_mean: +0}

      # target: một mức điểm cụ thể (điểm mỗi chỉ số nội dung từ 1 đến 10).
      - {metric: d7, level: commune, target: 5.0}

      # top: giữ thứ hạng trong nhóm N đơn vị dẫn đầu cùng cấp, cùng đơn vị cấp trên.
      - {metric: rank, level: commune, top: 10}

      # Chỉ tiêu cho các xã thuộc một tỉnh (parent: mã tỉnh). Bỏ dấu # ở đầu dòng để dùng.
      # - {metric: d2, parent: "62", target: 5.5}

      # Chỉ tiêu riêng của một xã (unit: mã xã).
      # - {metric: d5, unit: "23491", target: 6.5}

      # benchmark: không thấp hơn điểm PAPI đã công bố của tỉnh. Nạp điểm công bố trước:
      #   papi benchmarks load papi-provincial-2011-2024.csv --name papi-official
      # - {metric: total, level: province, benchmark: papi-official}

    """

  /// A local task catalogue that keeps papi's and says how to change it (PRODUCT.md §3.4).
  static let tasks = """
    # Danh mục nhiệm vụ riêng của đơn vị: kế thừa danh mục có sẵn của papi (papi-tasks.yaml)
    # và chỉ ghi những gì đơn vị muốn khác. Dùng: papi plan ... --tasks nhiem-vu.yaml
    #
    # - Nhiệm vụ cùng `id` với một nhiệm vụ có sẵn thì thay nhiệm vụ đó; `id` mới thì thêm vào.
    # - `remove:` bỏ các nhiệm vụ có sẵn không phù hợp với đơn vị.
    # - `offices:` thêm cơ quan (hoặc đổi tên tiếng Anh, tên sau sắp xếp 2025 của một cơ quan).
    # - Thời hạn `due`: +Nwd là N ngày làm việc (bỏ thứ Bảy, Chủ nhật, ngày lễ), +Nd là N ngày,
    #   hoặc một ngày cụ thể 2025-06-30; tính từ ngày bắt đầu của kế hoạch (papi plan --start).
    # - Ưu tiên `priority`: high (cao), medium (trung bình), low (thấp).
    # Xem danh mục có sẵn: tệp papi-tasks.yaml trong share/papi/questionnaires của bản cài.
    extends: papi-tasks.yaml

    # remove: [t-d6-07]

    tasks:
      # Ví dụ một nhiệm vụ riêng: bỏ dấu # ở đầu các dòng để dùng.
      # - id: t-xa-01
      #   applies_to: [d5.1]
      #   title:
      #     vi: "Niêm yết đầy đủ thủ tục hành chính và phí, lệ phí tại Bộ phận Một cửa xã."
      #     en: "Post every administrative procedure and its fees at the commune one-stop shop."
      #   lead: "UBND xã"
      #   support: ["Bộ phận Tiếp nhận và Trả kết quả"]
      #   due: +20wd
      #   priority: high
      []

    """

  /// Who issues the office's plans in the official form (Nghị định 30/2020/NĐ-CP): read by
  /// `papi plan --issuer co-quan-ban-hanh.yaml` (`IssuerProfile`).
  static let issuer = """
    # Thông tin cơ quan ban hành, cho kế hoạch theo thể thức văn bản hành chính (Nghị định
    # 30/2020/NĐ-CP). Sửa cho đúng cơ quan mình; giữ dấu ngoặc kép. Dùng:
    #   papi plan --wave 2024 --targets chi-tieu.yaml --issuer co-quan-ban-hanh.yaml --format docx --out kh.docx
    issuer:
      parent_body: ""                         # cơ quan chủ quản, dòng trên tên cơ quan (để "" khi không có)
      body: ["ỦY BAN NHÂN DÂN", "XÃ ………"]     # tên cơ quan ban hành, viết hoa, mỗi dòng một phần tử
      name: "UBND xã ………"                    # cách văn bản gọi cơ quan: "UBND xã … ban hành Kế hoạch"
      abbreviation: "UBND"                    # ký hiệu cơ quan trong số văn bản: …/KH-UBND
      place: "………"                           # địa danh: "………, ngày … tháng … năm …"
      level: commune                          # commune (xã, phường) hoặc province (tỉnh): cơ quan nhận nhiệm vụ
      number: ""                              # số văn bản khi văn thư đã cấp; để "" thì để trống cho văn thư ghi
    signer:
      authority: ["TM. ỦY BAN NHÂN DÂN"]      # cấp phó ký: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
      title: "CHỦ TỊCH"                       # chức vụ người ký
      name: "………"                            # họ và tên người ký
    basis:                                    # căn cứ, mỗi dòng một văn bản (có thể bỏ trống: basis: [])
      - "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    recipients:                               # Nơi nhận; dòng cuối là Lưu
      - "UBND tỉnh (để báo cáo)"
      - "Sở Nội vụ"
      - "Các phòng, đơn vị thuộc UBND xã"
      - "Lưu: VT, VP"
    goal: "đưa tỉnh vào nhóm địa phương dẫn đầu cả nước"   # mục tiêu, viết sau "góp phần"

    """

  /// What to do next, in Vietnamese then English.
  static func readme(questionnaire: String) -> String {
    """
    THƯ MỤC LÀM VIỆC CỦA PAPI
    =========================

    Các tệp trong thư mục này (sửa bằng một trình soạn thảo văn bản, lưu dạng UTF-8):
      \(questionnaire)   bảng hỏi: các câu hỏi, chỉ số nội dung, tên cột
      chi-tieu.yaml              chỉ tiêu: mức điểm cần đạt, thứ hạng cần giữ
      nhiem-vu.yaml              danh mục nhiệm vụ riêng (kế thừa danh mục có sẵn)
      co-quan-ban-hanh.yaml      cơ quan ban hành và người ký, cho kế hoạch theo thể thức văn bản
                                 hành chính (papi plan --issuer co-quan-ban-hanh.yaml)

    Các bước, chạy trong thư mục này:
      1. Kiểm tra tệp dữ liệu khảo sát (CSV xuất từ KoboToolbox, ODK, SurveyCTO…):
           papi validate DU-LIEU.csv -q \(questionnaire)
      2. Lưu thành một đợt khảo sát (tạo tệp papi.db trong thư mục này):
           papi import DU-LIEU.csv -q \(questionnaire) --wave 2024
      3. Xem điểm và báo cáo điểm yếu so với chỉ tiêu (--compare: đợt trước, khi đã nhập;
         quy tắc `previous` trong chi-tieu.yaml cần nó, không có thì là "không đủ dữ liệu"):
           papi score --wave 2024
           papi report --wave 2024 --compare 2023 --targets chi-tieu.yaml
           papi report --wave 2024 --targets chi-tieu.yaml --format html --out bao-cao.html
      4. Lập kế hoạch khắc phục (nhiệm vụ, cơ quan chủ trì, thời hạn):
           papi plan --wave 2024 --targets chi-tieu.yaml --tasks nhiem-vu.yaml --start 06/01/2025
           papi plan --wave 2024 --targets chi-tieu.yaml --tasks nhiem-vu.yaml --issuer co-quan-ban-hanh.yaml \\
             --format docx --out ke-hoach.docx      (văn bản Word theo thể thức, để trình ký)
      5. Theo dõi nhiệm vụ:
           papi actions list --wave 2024
           papi actions list --wave 2024 --format xlsx --out so-theo-doi.xlsx
           papi actions show MÃ
           papi actions update MÃ --status "đang thực hiện" --note "Đã họp dân"

    Hướng dẫn từng lệnh: papi --help, papi report --help; hướng dẫn đầy đủ: man papi.

    ---------------------------------------------------------------------------------------
    PAPI WORKING FOLDER (English)

    Edit the files above with a text editor (save as UTF-8), then, in this folder:
    papi validate EXPORT.csv -q \(questionnaire); papi import EXPORT.csv -q \(questionnaire)
    --wave 2024; papi report --wave 2024 --targets chi-tieu.yaml; papi plan --wave 2024
    --targets chi-tieu.yaml --tasks nhiem-vu.yaml. Add --lang en for English output; the
    manual is man papi.en.

    """
  }
}
