/// The flow as a directed graph of node indices, for reachability and cycle checks.
struct FlowGraph {
    /// Successor indices per node (unknown targets left out).
    let successors: [[Int]]

    /// Nodes reachable from `start`, including it.
    func reachable(from start: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: successors.count)
        var stack = [start]
        seen[start] = true
        while let node = stack.popLast() {
            for next in successors[node] where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return seen
    }

    /// Nodes from which some path reaches one of `goals`.
    func canReach(_ goals: [Int]) -> [Bool] {
        var predecessors = [[Int]](repeating: [], count: successors.count)
        for (node, nexts) in successors.enumerated() {
            for next in nexts { predecessors[next].append(node) }
        }
        var seen = [Bool](repeating: false, count: successors.count)
        var stack = goals
        for goal in goals { seen[goal] = true }
        while let node = stack.popLast() {
            for previous in predecessors[node] where !seen[previous] {
                seen[previous] = true
                stack.append(previous)
            }
        }
        return seen
    }

    /// The cycles among the nodes where `included` is true: strongly connected components with
    /// more than one node, or one node that leads to itself. Each cycle's nodes are in index order.
    func cycles(among included: [Bool]) -> [[Int]] {
        // Tarjan's algorithm, iterative so deep flows cannot overflow the stack.
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var result: [[Int]] = []

        for root in 0..<count where included[root] && index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                let nexts = successors[node]
                if edge < nexts.count {
                    work[work.count - 1].edge += 1
                    let next = nexts[edge]
                    guard included[next] else { continue }
                    if index[next] < 0 {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                if component.count > 1 || successors[node].contains(node) {
                    result.append(component.sorted())
                }
            }
        }
        return result.sorted { $0[0] < $1[0] }
    }
}
