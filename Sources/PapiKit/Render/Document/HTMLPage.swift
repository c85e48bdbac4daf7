/// The frame of papi's HTML documents (the weakness report, the improvement plan): one
/// self-contained file, inline CSS, no script, no network, printable on A4.
enum HTMLPage {
  /// Everything up to and including the `<h1>` title (left out when the document opens with
  /// its own letterhead); `css` adds the document's own rules.
  static func head(title: String, language: Language, css: String, heading: Bool = true) -> String {
    let h = TextEscaping.html
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(h(title))</title>
      <style>
      @page { size: A4; margin: 14mm; }
      body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1d2733; margin: 24px; font-size:\
       13px; }
      h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 6px; }
      .note { color: #5a6570; margin: 0 0 14px; }
      table { border-collapse: collapse; margin: 8px 0 16px; }
      th, td { border: 1px solid #d5dbe1; padding: 3px 6px; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      th { background: #eef2f5; font-weight: 600; }
      .scroll { overflow-x: auto; max-width: 100%; } svg { max-width: 100%; height: auto; }
      \(css)
      @media print { body { margin: 0; } }
      </style>
      </head>
      <body>
      \(heading ? "<h1>\(h(title))</h1>\n" : "")
      """
  }
}
