import Clibgit2
import Foundation

/// An annotated tag as callers see it.
public struct TagInfo: Equatable, Sendable {
    public let name: String
    public let id: OID
    public let target: OID
    public let tagger: Person?
    /// The message, with an SSH signature (if any) at its end, as git stores it.
    public let message: String

    public var isSigned: Bool { message.contains("-----BEGIN SSH SIGNATURE-----") }
}

extension Repository {
    /// Makes the annotated tag `refs/tags/<name>` on the commit `target`, signed the way
    /// `git tag -s` does with `gpg.format=ssh` (the signature over the tag's bytes appended to its
    /// message), so `git tag -v` verifies it. An existing tag of that name is never replaced.
    @discardableResult
    public func createTag(_ name: String, on target: OID, tagger: Person, message: String, signer: (any CommitSigner)?) throws -> OID {
        let sign = tagger.offsetMinutes < 0 ? "-" : "+"
        let offset = abs(Int(tagger.offsetMinutes))
        let zone = sign + String(format: "%02d%02d", offset / 60, offset % 60)
        var text = message.hasSuffix("\n") ? message : message + "\n"
        text = "object \(target.hex)\ntype commit\ntag \(name)\ntagger \(tagger.name) <\(tagger.email)> \(tagger.time) \(zone)\n\n" + text
        if let signer { text += try signer.sign(text) }
        var oid = git_oid()
        let rc = git_tag_create_from_buffer(&oid, pointer, text, 0)
        if rc == GIT_EEXISTS.rawValue { throw GitError(call: "git_tag_create_from_buffer(\(name))", code: rc, message: "the tag exists") }
        try check(rc, "git_tag_create_from_buffer(\(name))")
        return OID(oid)
    }

    /// The annotated tags whose names match `pattern` (fnmatch, e.g. `archive/*`), by name.
    public func tags(matching pattern: String) throws(GitError) -> [TagInfo] {
        var names = git_strarray()
        try check(git_tag_list_match(&names, pattern, pointer), "git_tag_list_match(\(pattern))")
        defer { git_strarray_dispose(&names) }
        var out: [TagInfo] = []
        for i in 0..<names.count {
            let name = String(cString: names.strings[i]!)
            var object: OpaquePointer?
            guard git_revparse_single(&object, pointer, "refs/tags/\(name)") == 0 else { continue }
            defer { git_object_free(object) }
            guard git_object_type(object) == GIT_OBJECT_TAG else { continue }
            let tagger = git_tag_tagger(object).map { Person($0) }
            out.append(TagInfo(name: name, id: OID(git_object_id(object).pointee), target: OID(git_tag_target_id(object).pointee),
                               tagger: tagger, message: git_tag_message(object).map { String(cString: $0) } ?? ""))
        }
        return out.sorted { $0.name < $1.name }
    }
}
