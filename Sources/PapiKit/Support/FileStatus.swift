import Foundation

/// What the file system says about a path, asked without reading `struct stat`'s fields in
/// Swift: which C module declares that structure depends on the order modules are loaded
/// in, and with `MemberImportVisibility` a file would have to import that module by name.
public enum FileStatus {
  /// Whether `path` is a folder (following links).
  public static func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// Whether something is at `path` (following links).
  public static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
  }

  /// The size of the file at `path`, nil when it cannot be opened or has no size (a
  /// folder, a pipe).
  public static func size(_ path: String) -> Int? {
    guard !isFolder(path) else { return nil }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return size(fd)
  }

  /// The size of the open file `fd`, its position left where it was.
  public static func size(_ fd: Int32) -> Int? {
    let here = lseek(fd, 0, SEEK_CUR)
    let end = lseek(fd, 0, SEEK_END)
    guard here >= 0, end >= 0 else { return nil }
    lseek(fd, here, SEEK_SET)
    return Int(end)
  }

  /// Whether two paths name the same existing file (the same device and file number).
  public static func same(_ one: String, _ other: String) -> Bool {
    let manager = FileManager.default
    guard let first = try? manager.attributesOfItem(atPath: (one as NSString).resolvingSymlinksInPath),
      let second = try? manager.attributesOfItem(atPath: (other as NSString).resolvingSymlinksInPath),
      let firstNumber = first[.systemFileNumber] as? NSNumber,
      let secondNumber = second[.systemFileNumber] as? NSNumber,
      let firstDevice = first[.systemNumber] as? NSNumber, let secondDevice = second[.systemNumber] as? NSNumber
    else { return false }
    return firstNumber == secondNumber && firstDevice == secondDevice
  }
}
