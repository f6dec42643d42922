import CaseModel
import Crypto
import Foundation
import GitStore

/// Verdicts on commits' signatures (`SSHVerifier.status`) kept in `<git dir>/casebook/signatures`,
/// so that the commands that judge many commits again — the dashboard's provenance of every
/// event, `verify`, `check --range` over history already checked — verify a commit once.
///
/// A verdict is a function of the commit's bytes (its signature and what it signs, named by the
/// commit id) and of what the verifier judges it against: the author's email and the lines of
/// the allowed-signers file that can name it (`SSHVerifier.judge`). It is kept under both, the
/// second as a SHA-256, so a key added, changed or removed for the author is a new question and
/// the commit is verified anew; another member's change of key leaves it alone.
///
/// It is a cache, never a source of truth, with the discipline of the summary cache: the file's
/// header names its format and the verifier's version (`SSHVerifier.version`, raised whenever what
/// it judges or how changes: a new build of casebook with the same verifier keeps the verdicts, where
/// naming the build made each upgrade verify every signature of the history again — 423,745 at
/// 100,000 cases, half of that first dashboard build), a checksum covers the rest, anything else is
/// ignored and written again, and it is
/// replaced atomically (two processes at once each leave a whole file; one's new verdicts may be
/// lost, to be verified again). What is not detected: an entry forged together with its checksum.
package final class SignatureVerdicts: @unchecked Sendable {
    static let format = "casebook-signatures 1"
    /// What made the verdicts, as the file's header names it.
    static var maker: String { "verifier \(SSHVerifier.version)" }

    static func path(_ repo: Repository) -> String {
        repo.gitDirectory + (repo.gitDirectory.hasSuffix("/") ? "" : "/") + "casebook/signatures"
    }

    /// A commit id (its 20 bytes in three words) and a judge (its number in `judgeList`): no
    /// allocation per verdict (two byte arrays per key were some 80 MB of a full dashboard
    /// build's peak at 423,745 commits).
    struct Key: Hashable {
        var high: UInt64, middle: UInt64, low: UInt32
        var judge: UInt32

        init(commit bytes: some Collection<UInt8>, judge: UInt32) {
            var words: (UInt64, UInt64, UInt32) = (0, 0, 0)
            for (n, byte) in bytes.prefix(20).enumerated() {
                switch n {
                case 0..<8: words.0 = words.0 << 8 | UInt64(byte)
                case 8..<16: words.1 = words.1 << 8 | UInt64(byte)
                default: words.2 = words.2 << 8 | UInt32(byte)
                }
            }
            (high, middle, low, self.judge) = (words.0, words.1, words.2, judge)
        }

        /// The commit alone, whatever the judge.
        var commit: Commit { Commit(high: high, middle: middle, low: low) }
    }

    /// A commit id as `Key` holds it, without the judge (what a scan of the file looks for).
    struct Commit: Hashable {
        var high: UInt64, middle: UInt64, low: UInt32
    }

    let repo: Repository
    let file: String
    /// Read when a verdict is first asked for (`load`: a dashboard rebuild with no new commit to
    /// judge read the 10 MB file of 423,745 verdicts for nothing). Not a `lazy var`: each change
    /// through one copied the whole dictionary.
    private var verdicts: [Key: SignatureStatus] = [:]
    private var loaded = false
    /// The file as mapped, while `verdicts` holds only the verdicts looked for in it: a few
    /// commits (a rebuild after one step) are found by one scan of its records, not by decoding
    /// all of them (423,745 at 100,000 cases: a twentieth of such a rebuild); a later call
    /// that needs others decodes them all.
    private var scanned: Data?
    /// The commits that scan looked for (a verdict absent for one of them is absent from the file).
    private var scannedFor: Set<Commit> = []
    /// Verdicts reached in this process, not yet in the file.
    private var added = 0
    private var verifiers: [String: SSHVerifier] = [:]
    /// The number in `judgeList` of the SHA-256 of `SSHVerifier.judge`, by allowed-signers text and email.
    private var judges: [String: [String: UInt32]] = [:]
    /// Every judge's SHA-256 (the file's first, then those met since), and their numbers.
    private var judgeList: [[UInt8]] = []
    private var judgeNumbers: [[UInt8]: UInt32] = [:]
    /// How many verdicts were taken from the file and how many reached by verifying (for the tests).
    private(set) var kept = 0, verified = 0
    /// How many times the file's verdicts were decoded whole to answer a call (for the tests).
    private(set) var wholeReads = 0

    package init(repo: Repository) {
        self.repo = repo
        file = SignatureVerdicts.path(repo)
    }

    /// The verdict on the signature of `commit` by `author` (the commit's author email) against
    /// the keys of `allowedSigners`.
    package func status(of commit: OID, author: String, allowedSigners: String) throws -> SignatureStatus {
        try statuses(of: [(commit, author)], allowedSigners: allowedSigners)[0]
    }

    /// The verdicts on many commits against one registry, in order: kept ones from the file, the
    /// rest verified on all cores (signatures read in turn).
    package func statuses(of commits: [(commit: OID, author: String)], allowedSigners: String) throws -> [SignatureStatus] {
        // Nothing asked, nothing read: a first call for no commits (a batch of a site build with
        // no case to verify) would scan for none and make the next call decode the whole file.
        guard !commits.isEmpty else { return [] }
        let few = commits.count <= 64
        if !loaded {
            // Mapped: the file is only ever replaced by a rename (`save`).
            let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
            let wanted = few ? Set(commits.map { Key(commit: Self.bytes(of: $0.commit), judge: 0).commit }) : nil
            if let data, let kept = SignatureVerdicts.decode(data, only: wanted) {
                if !few { wholeReads += 1 }
                (judgeList, verdicts) = kept
                for (n, judge) in judgeList.enumerated() { judgeNumbers[judge] = UInt32(n) }
                if few { (scanned, scannedFor) = (data, wanted ?? []) }
            }
            loaded = true
        }
        // The registry's judges looked up once, not per commit (hashing the allowed-signers text
        // for each of 423,745 commits was most of a full dashboard build's look-ups of verdicts).
        var judged = judges[allowedSigners] ?? [:]
        let keys = commits.map { Key(commit: Self.bytes(of: $0.commit), judge: judge(of: $0.author, allowedSigners: allowedSigners, in: &judged)) }
        judges[allowedSigners] = judged
        if scanned != nil, keys.contains(where: { verdicts[$0] == nil && !scannedFor.contains($0.commit) }) {
            // Commits the first scan did not look for: every verdict decoded, once (a scan at each
            // call made `check --range`, which asks commit by commit, six times slower).
            decodeRest()
        }
        var out: [SignatureStatus?] = keys.map { verdicts[$0] }
        let missing = out.indices.filter { out[$0] == nil }
        kept += commits.count - missing.count
        guard !missing.isEmpty else { return out.map { $0! } }
        let verifier = try verifiers[allowedSigners] ?? SSHVerifier(allowedSigners: allowedSigners)
        verifiers[allowedSigners] = verifier
        let read = missing.count > 1 ? try repo.signatures(of: missing.map { commits[$0].commit }) : [try repo.signature(of: commits[missing[0]].commit)]
        let signed = zip(missing, read).map { (signature: $1, author: commits[$0].author) }
        let found = signed.count > 1
            ? signed.concurrentMap { try verifier.status(of: $0.signature, author: $0.author) }
            : signed.map { s in Result { try verifier.status(of: s.signature, author: s.author) } }
        for (n, result) in zip(missing, found) {
            let status = try result.get()
            out[n] = status
            verdicts[keys[n]] = status
        }
        added += missing.count
        verified += missing.count
        return out.map { $0! }
    }

    /// The number of the judge of a commit by `email` against `allowedSigners`, whose judges so far are `judged`.
    private func judge(of email: String, allowedSigners: String, in judged: inout [String: UInt32]) -> UInt32 {
        if let known = judged[email] { return known }
        let digest = Array(SHA256.hash(data: Data(SSHVerifier.judge(of: email, allowedSigners: allowedSigners).utf8)))
        let number = judgeNumbers[digest] ?? {
            judgeList.append(digest)
            judgeNumbers[digest] = UInt32(judgeList.count - 1)
            return UInt32(judgeList.count - 1)
        }()
        judged[email] = number
        return number
    }

    /// After a scan, the file's verdicts it did not look for added to those held (nothing to do
    /// when the file was decoded whole).
    private func decodeRest() {
        guard let data = scanned else { return }
        wholeReads += 1
        if let all = SignatureVerdicts.decode(data, only: nil) {
            for (key, status) in all.verdicts where verdicts[key] == nil { verdicts[key] = status }
        }
        (scanned, scannedFor) = (nil, [])
    }

    /// Writes the file again when this process reached verdicts it did not hold; best effort.
    package func save() {
        if ProcessInfo.processInfo.environment["CASEBOOK_SIGNATURE_STATS"] == "1" {
            // For the tests: how many verdicts were kept and how many reached by verifying, and
            // how many times the file was decoded whole to find them (before writing it again).
            FileHandle.standardError.write(Data("signatures: \(kept) kept, \(verified) verified, \(wholeReads) read whole\n".utf8))
        }
        guard added > 0 else { return }
        // Only some verdicts were decoded: the file's others kept with the new ones.
        decodeRest()
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? AtomicFile.write(Self.encode(verdicts, judges: judgeList), to: file, durable: false)
        added = 0
    }

    static func bytes(of id: OID) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        id.append(to: &out)
        return out
    }

    // MARK: - The file

    /// The frame of `CacheFile`, and in it: the
    /// number of judges, each judge's 32 bytes; the number of verdicts, each as the commit id's
    /// 20 bytes, the judge's number (4 bytes) and the verdict's position in `SignatureStatus.allCases`.
    static func encode(_ verdicts: [Key: SignatureStatus], judges: [[UInt8]]) -> Data {
        var all: [UInt8] = []
        all.reserveCapacity(8 + 32 * judges.count + verdicts.count * 25)
        withUnsafeBytes(of: UInt32(judges.count).littleEndian) { all += $0 }
        for judge in judges { all += judge }
        withUnsafeBytes(of: UInt32(verdicts.count).littleEndian) { all += $0 }
        for (key, status) in verdicts {
            for (word, width) in [(key.high, 8), (key.middle, 8), (UInt64(key.low), 4)] {
                for k in (0..<width).reversed() { all.append(UInt8(truncatingIfNeeded: word >> (8 * k))) }
            }
            withUnsafeBytes(of: key.judge.littleEndian) { all += $0 }
            all.append(UInt8(SignatureStatus.allCases.firstIndex(of: status)!))
        }
        return CacheFile.seal(all, format: format, madeBy: maker)
    }

    /// The judges and verdicts of a file `encode` wrote with this verifier; nil for anything else.
    /// The judges and the verdicts of the file; with `only`, the verdicts on those commits alone.
    static func decode(_ data: Data, only: Set<Commit>? = nil) -> (judges: [[UInt8]], verdicts: [Key: SignatureStatus])? {
        CacheFile.open(data, format: format, madeBy: maker) { body -> (judges: [[UInt8]], verdicts: [Key: SignatureStatus])? in
            var i = 0
            func u32() -> Int? {
                guard body.count - i >= 4 else { return nil }
                defer { i += 4 }
                return (0..<4).reduce(0) { $0 | Int(body[i + $1]) << (8 * $1) }
            }
            guard let judgeCount = u32(), judgeCount <= (body.count - i) / 32 else { return nil }
            let judges = (0..<judgeCount).map { n in Array(body[i + 32 * n..<i + 32 * (n + 1)]) }
            i += 32 * judgeCount
            guard let count = u32(), body.count - i == count * 25 else { return nil }
            var out: [Key: SignatureStatus] = [:]
            out.reserveCapacity(only == nil ? count : 0)
            let statuses = SignatureStatus.allCases
            // The commits looked for, by their first eight bytes (as `Key.high`): the others are passed over unread.
            let firsts = Set((only ?? []).map(\.high))
            for _ in 0..<count {
                if only != nil {
                    var high: UInt64 = 0
                    for k in 0..<8 { high = high << 8 | UInt64(body[i + k]) }
                    guard firsts.contains(high) else {
                        guard Int(body[i + 24]) < statuses.count,
                              (0..<4).reduce(0, { $0 | Int(body[i + 20 + $1]) << (8 * $1) }) < judges.count else { return nil }
                        i += 25
                        continue
                    }
                }
                let commit = UnsafeBufferPointer(rebasing: body[i..<i + 20])
                i += 20
                guard let judge = u32(), judge < judges.count, Int(body[i]) < statuses.count else { return nil }
                let key = Key(commit: commit, judge: UInt32(judge))
                if only?.contains(key.commit) ?? true { out[key] = statuses[Int(body[i])] }
                i += 1
            }
            return (judges, out)
        }
    }
}
