import Clibgit2

extension Repository {
    /// Every commit reachable from `head`, each looked up once, in the order `commits(from: nil,
    /// to: head)` gives them (libgit2's topological sort, reversed), with what a walk keeps of
    /// each. A revwalk reads every commit to sort them and the walk then read each again: at
    /// 46,000 commits the revwalk alone was a quarter of building the history index.
    ///
    /// The order is libgit2 1.5's `sort_in_topological_order` for one tip: each commit's
    /// in-degree is one more than its children (counted per parent line); a stack starts with
    /// the tip; a commit popped lowers each parent's in-degree, in parent order, pushing a
    /// parent whose in-degree comes down to one; commits come out as popped, and the list is
    /// reversed. `HistoryWalkTests` compares it with the revwalk on merges and criss-crosses.
    func walkedCommits(to head: OID) throws(GitError) -> [(id: OID, commit: WalkedCommit)] {
        var position: [OID: Int] = [head: 0]
        var ids = [head]
        var read: [WalkedCommit] = []
        var parents: [[Int]] = []
        // Commits are read in the order they are first met, so positions are the reading order.
        while read.count < ids.count {
            let c = try walked(ids[read.count])
            read.append(c)
            parents.append(c.parents.map { p in
                if let known = position[p] { return known }
                position[p] = ids.count
                ids.append(p)
                return ids.count - 1
            })
        }
        var inDegree = [Int](repeating: 1, count: ids.count)
        for list in parents { for p in list { inDegree[p] += 1 } }
        var stack = [0], order: [Int] = []
        order.reserveCapacity(ids.count)
        while let next = stack.popLast() {
            for p in parents[next] where inDegree[p] != 0 {
                inDegree[p] -= 1
                if inDegree[p] == 1 { stack.append(p) }
            }
            inDegree[next] = 0
            order.append(next)
        }
        return order.reversed().map { (ids[$0], read[$0]) }
    }
}
