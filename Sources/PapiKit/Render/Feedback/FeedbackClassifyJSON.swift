/// Classified feedback as JSON: a list of each item's id, dimensions, sub-dimensions and
/// polarity.
struct FeedbackClassifyJSON: Renderer {
  /// A list of `{"dimensions": […], "id": …, "polarity": …, "subdimensions": […]}`; the
  /// polarity is null when the lexicon has no polarity cues.
  func render(_ items: ClassifiedFeedback, to sink: inout some OutputSink) {
    JSONWriter.write(to: &sink) { json in
      json.array(items) { json, entry in
        json.open("{")
        json.key("dimensions", first: true)
        json.array(entry.1.dimensions) { $0.string($1) }
        json.key("id")
        json.string(entry.0.id)
        json.key("polarity")
        json.string(entry.1.polarity?.rawValue)
        json.key("subdimensions")
        json.array(entry.1.subdimensions) { $0.string($1) }
        json.close("}")
      }
      json.newline()
    }
  }
}
