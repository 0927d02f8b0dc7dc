/// How the runtime stores kv on DynamoDB (runtime/DESIGN.md): a table is retained data, so this
/// layout is part of the contract. Changing the key schema later replaces the table (data loss).
///
/// Items: `pk` (S, the key; the table's only key), `v` (B, the value), `m` (S, metadata JSON),
/// `exp` (N, expiration in epoch seconds; the TTL attribute), `ls` (S, always `k`). The global
/// secondary index `keys` (partition `ls`, sort `pk`) lists keys in order by prefix.
enum AWSKVLayout {
    static let partitionKey = "pk"
    static let listPartition = "ls"
    static let expiration = "exp"
    static let metadata = "m"
    static let keysIndex = "keys"
}
