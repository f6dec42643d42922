import Foundation
import Testing

/// A state change is parsed as the step alone (`Casebook.parsedStep`), without the tree of every
/// command; help, completion requests and usage errors still come from the whole tree, and what
/// the step records is what its options say.
@Suite struct StepParseTests {
    @Test func aStepParsedAloneRecordsWhatItsOptionsSay() throws {
        let (box, id) = try RefusalTests.prepared()
        defer { box.remove() }
        try box.ok(["note", id, "已联系供应商", "--owner-informed", "--as", "wang.zg"], now: "2026-11-22T10:00:00+08:00")
        let file = try String(contentsOf: URL(fileURLWithPath: box.repo).appendingPathComponent(casePath(id)), encoding: .utf8)
        #expect(file.contains("\"ownerInformed\" : true") && file.contains("\"text\" : \"已联系供应商\"") && file.contains("\"by\" : \"wang.zg\""))
        #expect(try box.git(["log", "-1", "--format=%an|%s"]).hasPrefix("王主管|"))
        // A text that looks like an option, after `--`, is the text.
        try box.ok(["note", id, "--as", "li.na", "--", "--help"], now: "2026-11-22T10:05:00+08:00")
        #expect(try box.git(["show", "HEAD:\(casePath(id))"]).contains("\"text\" : \"--help\""))
    }

    @Test func helpCompletionAndUsageErrorsComeFromTheWholeTree() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let help = try box.cb(["note", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: casebook note [--repo <repo>]"), "\(help.stdout)")
        let completion = try box.cb(["note", "--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.stdout.contains("casebook"), "\(completion.stderr)")
        let missing = try box.cb(["note"])
        #expect(missing.status == 64 && missing.stderr.contains("Missing expected argument '<id>'") && missing.stderr.contains("casebook note"), "\(missing.stderr)")
        let unknown = try box.cb(["resolve", "C-20261122-T01-0001", "--result", "fixed", "--bogus"])
        #expect(unknown.status == 64 && unknown.stderr.contains("Unknown option '--bogus'") && unknown.stderr.contains("casebook resolve"), "\(unknown.stderr)")
        let version = try box.cb(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
    }
}
