import Document
import OpenAPI

/// Component schemas that no `$ref` uses do not change the API; their appearance or removal is
/// reported as `annotation-changed`. (Used components are compared through the operations.)
/// Which components a `$ref` names is the contract model's (``ContractComponent/referenced``).
enum ComponentCheck {
    static func run(_ oldContract: Contract, _ newContract: Contract, oldRoot: Located, newRoot: Located, _ spec: SpecContext) {
        let old = oldContract.components(.schemas), new = newContract.components(.schemas)
        let oldNames = Set(old.map(\.name)), newNames = Set(new.map(\.name))
        for component in new where !oldNames.contains(component.name) && !component.referenced {
            spec.emit("annotation-changed", .none, .documentation, old: (oldRoot["components"] ?? oldRoot).absent,
                      new: Located(component.value).location(text: component.name),
                      message: "Added component schema \(component.name), which no operation uses")
        }
        for component in old where !newNames.contains(component.name) && !component.referenced {
            spec.emit("annotation-changed", .none, .documentation, old: Located(component.value).location(text: component.name),
                      new: (newRoot["components"] ?? newRoot).absent,
                      message: "Removed component schema \(component.name), which no operation used")
        }
    }
}
