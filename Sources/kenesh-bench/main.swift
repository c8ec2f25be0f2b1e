import Foundation

// kenesh-bench SCENARIO [options] [--json FILE]: one file per scenario; add new ones to `scenarios`.
// Run in release from the repository root: swift build -c release && .build/release/kenesh-bench burst

let scenarios: [String: (_ arguments: [String]) throws -> Void] = [
    "engine": EngineBenchmark.run,
    "burst": BurstBenchmark.run,
    "backlog": BacklogBenchmark.run,
    "round": RoundBenchmark.run,
    "reports": runReportsBenchmark,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let scenario = scenarios[name] else {
    let known = scenarios.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: kenesh-bench SCENARIO [options]   (scenarios: \(known))\n".utf8))
    exit(2)
}
BenchReport.jsonFile = BenchArguments.string("--json", in: arguments)
do {
    try scenario(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("kenesh-bench \(name): \(error)\n".utf8))
    exit(1)
}
