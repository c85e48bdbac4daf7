/// The action register as a document, for Markdown and HTML: the summary and one table
/// row per action.
struct ActionListDocument {
  var listing: ActionListing
  var language: Language

  var document: Document {
    let text = ActionText(language: language, offices: listing.offices)
    let title = listing.title ?? (language == .vi ? "Sổ theo dõi nhiệm vụ" : "Action register")
    return Document(
      kind: .actionList, language: language, title: title,
      blocks: [
        .paragraph(listing.summary(language)),
        .table(text.columns, listing.actions.map { text.row($0, listing.remeasured[$0.id], today: listing.today) }),
      ])
  }
}
