/// The style sheet of each document's HTML page, after the rules every page shares
/// (`HTMLPage`).
enum HTMLStyles {
  static func css(_ kind: Document.Kind) -> String {
    switch kind {
    case .weaknessReport:
      return """
        .met { background: #d8f0dc; } .below { background: #fdf0c4; } .below_significant { background: #f7c9c5; }
        .insufficient { background: #e4e6e8; color: #6b7480; } .none { background: #ffffff; }
        .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #d5dbe1; }
        section.unit { page-break-before: always; break-before: page; padding-top: 6px; }
        .charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
        ul.flags { padding-left: 18px; margin: 6px 0 10px; } ul.flags li { margin: 2px 0; }
        .flag-below_significant { color: #a8261b; font-weight: 600; } .flag-declined { color: #7a2a8c; font-weight:\
         600; }
        .flag-below { color: #8a6300; } .flag-weakest { color: #1f5f7a; } .flag-insufficient { color: #6b7480; }
        svg text { font-family: inherit; }
        ul.feedback { padding-left: 18px; margin: 6px 0 10px; } ul.feedback li { margin: 2px 0; } li.quote { color:\
         #3d4a57; font-style: italic; }
        """
    case .plan:
      return """
        h2 { margin-top: 18px; } h3 { font-size: 14px; margin: 12px 0 4px; }
        td { text-align: left; vertical-align: top; } ul { padding-left: 18px; } li { margin: 3px 0; }
        """
    case .actionList:
      return "td { text-align: left; vertical-align: top; }"
    case .feedbackReport:
      return "ul { margin: 4px 0 10px; } li { margin: 2px 0; }"
    }
  }
}
