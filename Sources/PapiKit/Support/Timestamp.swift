import Foundation

/// The current time as ISO 8601 (UTC), for the import log and the action history.
func timestampNow() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: Date())
}
