import DistlangModel

/// The target emitters distlang ships.
public enum TargetEmitters {
    public static var all: [TargetEmitter] { [] }
}
