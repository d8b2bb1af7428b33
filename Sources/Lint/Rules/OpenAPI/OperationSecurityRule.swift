/// Operations without any security requirement: one finding per spec.
struct OperationSecurityRule: LintRule {
    let meta = RuleMeta(
        id: "oas-operation-security", severity: .info, scope: .openAPI,
        summary: "Operations declare a security requirement (top-level security, or their own); reported once per spec.",
        why: "Without a requirement, the spec tells clients and generated code that no credentials are needed. CAISO's CRR services authenticate by mutual TLS, which OpenAPI 3.0 cannot declare (mutualTLS is a 3.1 scheme type), hence only info: say it in info.description, or silence the rule.",
        fix: "Add a top-level security requirement with a scheme under components/securitySchemes, mark public operations with security: [], or turn the rule off in .crrspec.yaml when authentication is by mutual TLS.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   paths:
                     /auction/v1.0/auctionMarketData:
                       get: ...            (no security anywhere)
        crrspec: info: 12 of 12 operations have no security requirement (first: GET /auction/v1.0/auctionMarketData) [oas-operation-security]
                 hint: declare a security scheme, or note in info.description that the service uses mutual TLS, which OpenAPI 3.0 cannot declare
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let operations = context.contract?.operations else { return }
        // The requirements in effect (the operation's, else the document's); an explicit
        // `security: []` on the operation marks it public on purpose.
        let open = operations.filter { $0.security.isEmpty && !$0.declaresSecurity }
        guard let first = open.first else { return }
        out.add(first.pathItem.member(first.method)?.key ?? first.value,
                "\(open.count) of \(operations.count) operation\(operations.count == 1 ? "" : "s") \(open.count == 1 ? "has" : "have") no security requirement (first: \(first.method.uppercased()) \(first.path))",
                hint: "declare a security scheme, or note in info.description that the service uses mutual TLS, which OpenAPI 3.0 cannot declare")
    }
}
