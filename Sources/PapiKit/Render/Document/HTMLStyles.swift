/// The style sheet of each document's HTML page, after the rules every page shares
/// (`HTMLPage`).
enum HTMLStyles {
  static func css(_ kind: Document.Kind) -> String {
    switch kind {
    case .weaknessReport:
      return """
        .met { background: #d8f0dc; } .below { background: #fdf0c4; } .below_significant { background: #f7c9c5; }
        .insufficient { background: #e4e6e8; color: #6b7480; } .none { background: #ffffff; }
        table.overview td:first-child, section.unit td + td, section.unit th { white-space: nowrap; }
        table.compact { font-size: 11px; } table.compact td, table.compact th { padding: 1px 4px; text-align: left; }
        section.unit table.compact td { white-space: normal; }
        .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #d5dbe1; }
        section.unit { page-break-before: always; break-before: page; padding-top: 6px; }
        .charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
        ul.flags { padding-left: 18px; margin: 6px 0 10px; } ul.flags li { margin: 2px 0; }
        .flag-below_significant { color: #a8261b; font-weight: 600; } .flag-declined { color: #7a2a8c; font-weight:\
         600; }
        .flag-below { color: #8a6300; } .flag-weakest { color: #1f5f7a; } .flag-insufficient { color: #6b7480; }
        .flag-no_target { color: #3d4a57; }
        svg text { font-family: inherit; }
        ul.feedback { padding-left: 18px; margin: 6px 0 10px; } ul.feedback li { margin: 2px 0; } li.quote { color:\
         #3d4a57; font-style: italic; }
        @media print {
          section.unit { font-size: 11px; } section.unit h3 { font-size: 12px; margin: 6px 0 2px; }
          section.unit table { width: 100%; margin: 4px 0 0; font-size: 10px; line-height: 1.25; }
          section.unit th, section.unit td { padding: 0 4px; }
          .charts svg[aria-label="radar"] { width: 250px; } .charts svg[aria-label="bars"] { width: 360px; }
          ul.flags, ul.feedback { margin: 2px 0 4px; } ul.flags li, ul.feedback li { margin: 0; }
          .charts { flex-wrap: nowrap; gap: 8px; } .charts svg { flex: 0 1 auto; min-width: 0; }
          tr { break-inside: avoid; }
        }
        """
    case .parReport:
      // The official form of a report, with each unit's fields drawn as bars.
      return css(.plan) + """

        h4 { font-size: 15px; margin: 8px 0 2px; font-style: italic; }
        ul ul { list-style-type: "+ "; } p.note { font-size: 13px; text-indent: 0; }
        section { page-break-before: always; break-before: page; } svg text { font-family: inherit; }
        """
    case .plan:
      // The official form (Nghị định 30/2020): Times New Roman, the two-column head, the
      // signature beside the recipients, the appendix on landscape pages.
      return """
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 15px;\
         max-width: 760px; }
        h2 { font-size: 15px; margin: 14px 0 4px; } h3 { font-size: 15px; margin: 10px 0 4px; }
        h1 { font-size: 16px; text-align: center; margin: 18px 0 4px; }
        p { text-align: justify; margin: 0 0 6px; text-indent: 1cm; } p.basis { font-style: italic; }
        p.caption { text-align: center; font-style: italic; text-indent: 0; }
        .letterhead { display: grid; grid-template-columns: 35% 65%; text-align: center; row-gap: 6px; }
        .letterhead hr, hr.summary { width: 40%; margin: 2px auto 6px; border: 0; border-top: 1px solid #000; }
        p.kind { text-align: center; font-weight: bold; margin: 18px 0 0; text-indent: 0; }
        p.summary { text-align: center; font-weight: bold; margin: 0; text-indent: 0; }
        .signature { display: grid; grid-template-columns: 50% 50%; margin-top: 12px; }
        .recipients { font-size: 13px; } .signer { text-align: center; } .seal { height: 90px; }
        td { text-align: left; vertical-align: top; } ul { padding-left: 1cm; list-style-type: "- "; }
        li { margin: 3px 0; text-align: justify; } table.compact { font-size: 12px; }
        section.landscape { page-break-before: always; break-before: page; page: wide; }
        @page wide { size: A4 landscape; }
        """
    case .actionList:
      return "td { text-align: left; vertical-align: top; }"
    case .feedbackReport:
      return "ul { margin: 4px 0 10px; } li { margin: 2px 0; }"
    }
  }
}
