/// Finds steps that can never be reached and loops with no way out, one list of steps at a time.
///
/// The graph for a list has a node per step and one for "past the end". A step leads to the step after it
/// unless an unconditional `next` always jumps away; it also leads past itself when its `when` may not hold.
enum FlowCheck {
    static func check(steps: [Step], file: String) -> [Diagnostic] {
        var diagnostics = checkList(steps, file: file)
        let reachable = reachableNodes(in: graph(of: steps), from: steps.isEmpty ? [] : [0])
        for (index, step) in steps.enumerated() where reachable.contains(index) && !step.innerSteps.isEmpty {
            diagnostics += checkList(step.innerSteps, file: file)
        }
        return diagnostics
    }

    private static func checkList(_ steps: [Step], file: String) -> [Diagnostic] {
        guard !steps.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let edges = graph(of: steps)
        let reachable = reachableNodes(in: edges, from: [0])
        for (index, step) in steps.enumerated() where !reachable.contains(index) {
            diagnostics.append(Diagnostic(file: file, line: step.line,
                message: "step '\(step.id)' can never be reached: the steps before it always jump past it with 'next'"))
        }
        for component in loops(in: edges) where component.allSatisfy(reachable.contains) {
            let leaves = component.contains { node in edges[node].contains { !component.contains($0) } }
            let names = component.sorted().map { "'\(steps[$0].id)'" }.joined(separator: ", ")
            let line = backJumpLine(in: component, steps: steps) ?? steps[component.min() ?? 0].line
            if !leaves {
                diagnostics.append(Diagnostic(file: file, line: line,
                    message: "steps \(names) form a loop with no way out: give this 'next' a 'when' or point it forward"))
            } else if component.allSatisfy({ !asksSomething(steps[$0]) }) {
                diagnostics.append(Diagnostic(file: file, line: line,
                    message: "steps \(names) jump in a circle without asking anything, so nothing can change to end it"))
            }
        }
        return diagnostics
    }

    /// Successors of each step; index `steps.count` is "past the end" and has none.
    static func graph(of steps: [Step]) -> [[Int]] {
        var ids: [String: Int] = [:]
        for (index, step) in steps.enumerated() where ids[step.id] == nil { ids[step.id] = index }
        var edges: [[Int]] = steps.enumerated().map { index, step in
            var next: [Int] = []
            if step.condition != nil { next.append(index + 1) }
            var alwaysJumps = false
            // A jump to an unknown step is reported elsewhere; the engine falls through past it, and so does the graph.
            for jump in step.jumps {
                guard let target = ids[jump.target] else { continue }
                next.append(target)
                if jump.condition == nil {
                    alwaysJumps = true
                    break
                }
            }
            if !alwaysJumps { next.append(index + 1) }
            return Array(Set(next)).sorted()
        }
        edges.append([])
        return edges
    }

    static func reachableNodes(in edges: [[Int]], from start: [Int]) -> Set<Int> {
        var seen = Set(start)
        var queue = start
        while let node = queue.popLast() {
            for next in edges[node] where seen.insert(next).inserted {
                queue.append(next)
            }
        }
        return seen
    }

    /// Strongly connected components that contain a cycle (Tarjan's algorithm).
    static func loops(in edges: [[Int]]) -> [Set<Int>] {
        var index = 0
        var indices = [Int?](repeating: nil, count: edges.count)
        var lowLinks = [Int](repeating: 0, count: edges.count)
        var onStack = [Bool](repeating: false, count: edges.count)
        var stack: [Int] = []
        var result: [Set<Int>] = []

        func visit(_ node: Int) {
            indices[node] = index
            lowLinks[node] = index
            index += 1
            stack.append(node)
            onStack[node] = true
            for next in edges[node] {
                if indices[next] == nil {
                    visit(next)
                    lowLinks[node] = min(lowLinks[node], lowLinks[next])
                } else if onStack[next], let nextIndex = indices[next] {
                    lowLinks[node] = min(lowLinks[node], nextIndex)
                }
            }
            guard lowLinks[node] == indices[node] else { return }
            var component = Set<Int>()
            while let member = stack.popLast() {
                onStack[member] = false
                component.insert(member)
                if member == node { break }
            }
            if component.count > 1 || edges[node].contains(node) { result.append(component) }
        }

        for node in edges.indices where indices[node] == nil {
            visit(node)
        }
        return result
    }

    private static func asksSomething(_ step: Step) -> Bool {
        if case .info = step.kind { return false }
        return true
    }

    /// The line of a `next` inside the loop that jumps backwards (or to itself): the edit that would fix it.
    private static func backJumpLine(in component: Set<Int>, steps: [Step]) -> Int? {
        var ids: [String: Int] = [:]
        for (index, step) in steps.enumerated() where ids[step.id] == nil { ids[step.id] = index }
        for node in component.sorted() {
            for jump in steps[node].jumps {
                if let target = ids[jump.target], component.contains(target), target <= node { return jump.line }
            }
        }
        return nil
    }
}
