import Foundation
import PapiKit

#if FUZZING
  /// libFuzzer's driver (`-sanitize=fuzzer` links it), called with the input callback.
  @_silgen_name("LLVMFuzzerRunDriver")
  func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// The program's entry (SwiftPM links an executable's `main` to `papi_fuzz_main`): chooses
  /// the target and hands over to libFuzzer (built with `-sanitize=fuzzer,address -DFUZZING`,
  /// `make fuzz`).
  @_cdecl("papi_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Harness.start()
    var count = argc
    var arguments = argv
    return fuzzerRunDriver(&count, &arguments) { data, size in
      Harness.run(UnsafeRawBufferPointer(start: data, count: size))
      return 0
    }
  }
#else
  /// Without the fuzzer: runs the target on each file named on the command line (the
  /// committed corpora and crashers, as regression tests in an ordinary build).
  @main
  enum Replay {
    static func main() {
      Harness.start()
      let verbose = ProcessInfo.processInfo.environment["PAPI_FUZZ_VERBOSE"] != nil
      var count = 0
      for path in CommandLine.arguments.dropFirst() {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let files =
          isFolder.boolValue
          ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
          : [path]
        for file in files {
          guard let data = FileManager.default.contents(atPath: file) else { continue }
          let problems = data.withUnsafeBytes { Harness.run($0) }
          if verbose, let first = problems.first { print("\(file): \(problems.count) problems; \(first.text(.en))") }
          count += 1
        }
      }
      print("papi-fuzz: \(Harness.target?.rawValue ?? "") read \(count) inputs without a crash")
    }
  }
#endif
