/// What a command leaves for the process's exit to reclaim. Freeing a site's hundred thousand
/// summaries, records and dictionary entries one object at a time cost a twentieth of a rebuild
/// at 100,000 cases, for memory the kernel takes back whole a moment later.
enum LeftToExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `values` alive until the process ends (only at the end of a command's `run`).
    static func keep(_ values: Any...) { kept.append(contentsOf: values) }
}
