import Document

extension Evaluator {
    /// `$ref`: evaluate the referenced schema in place (siblings are ignored in draft-07).
    mutating func followRef(_ node: SchemaNode, _ schema: SchemaNode, _ i: Int) throws(ValidationLimitError) -> Bool {
        if !collect { return try validate(node, i) }
        refFrames.append(RefFrame(from: schema, to: node))
        defer { refFrames.removeLast() }
        return try validate(node, i)
    }
}
