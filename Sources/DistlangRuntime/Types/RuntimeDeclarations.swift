/// The TypeScript declarations of the runtime's contract (docs/runtime.md): the handles by kind and
/// access, the MessageBatch, the ScheduledController and ctx. They are the same in every generated
/// `distlang-env.d.ts` (`EnvDeclarations` writes them above the app's own types), so the file needs
/// nothing else: the globals `Request`, `Response`, `Headers`, `ReadableStream` and `Blob` come from
/// TypeScript's `DOM` library (or any library that declares the WHATWG fetch types).
///
/// Each handle declares exactly the methods `limitHandle` (runtime/src/core/access.js) lets through for
/// its access, with the shapes both adapters return; none of these names ends in `Env`, `Context`,
/// `Handler` or `Route`, the suffixes of the per-function names.
enum RuntimeDeclarations {
    /// The handle type of a resource of `kind` used with `access` (`KVRead`, `QueueSend`, ...).
    static func handleType(_ kind: String, _ access: String) -> String {
        let prefix = ["kv": "KV", "bucket": "Bucket", "queue": "Queue", "database": "Database"][kind] ?? kind
        let suffix = ["read": "Read", "write": "Write", "readwrite": "ReadWrite", "send": "Send"][access] ?? access
        return prefix + suffix
    }

    static let text = """
        // ---- The runtime's contract (docs/runtime.md); the same in every generated file. ----

        /** The `ctx` every handler gets. */
        export interface ContextBase {
          /** Keeps work going after the response (on Lambda the response waits for it); a rejection is logged. */
          waitUntil(promise: Promise<unknown>): void;
        }

        /** The route a request matched: the spec's route key and its decoded path parameters. */
        export interface RouteMatch<Key extends string, Params> {
          readonly key: Key;
          readonly params: Params;
        }

        // kv: Cloudflare KV's API, on KV or DynamoDB.

        export interface KVListOptions {
          prefix?: string;
          /** 1 to 1,000. */
          limit?: number;
          cursor?: string | null;
        }

        export interface KVListKey<Metadata = unknown> {
          name: string;
          /** Seconds since the epoch. */
          expiration?: number;
          metadata?: Metadata;
        }

        export interface KVListResult<Metadata = unknown> {
          /** In the UTF-8 byte order of the keys. */
          keys: KVListKey<Metadata>[];
          list_complete: boolean;
          /** Pass it back for the next page. */
          cursor?: string;
        }

        export interface KVValueWithMetadata<Value, Metadata = unknown> {
          value: Value | null;
          metadata: Metadata | null;
        }

        export interface KVPutOptions {
          /** Seconds from now, at least 60. */
          expirationTtl?: number;
          /** Seconds since the epoch, at least 60 s ahead. */
          expiration?: number;
          /** At most 1,024 bytes as JSON. */
          metadata?: unknown;
        }

        /** A kv with `read` access: `get`, `getWithMetadata`, `list`. A missing or expired key gives `null`. */
        export interface KVRead {
          get(key: string, type?: "text" | { type?: "text" }): Promise<string | null>;
          get<Value = unknown>(key: string, type: "json" | { type: "json" }): Promise<Value | null>;
          get(key: string, type: "arrayBuffer" | { type: "arrayBuffer" }): Promise<ArrayBuffer | null>;
          getWithMetadata<Metadata = unknown>(key: string, type?: "text" | { type?: "text" }): Promise<KVValueWithMetadata<string, Metadata>>;
          getWithMetadata<Value = unknown, Metadata = unknown>(key: string, type: "json" | { type: "json" }): Promise<KVValueWithMetadata<Value, Metadata>>;
          getWithMetadata<Metadata = unknown>(key: string, type: "arrayBuffer" | { type: "arrayBuffer" }): Promise<KVValueWithMetadata<ArrayBuffer, Metadata>>;
          list<Metadata = unknown>(options?: KVListOptions): Promise<KVListResult<Metadata>>;
        }

        /** A kv with `write` access: `put`, `delete`. */
        export interface KVWrite {
          /** Keys are 1 to 512 bytes of UTF-8; values at most 384 KiB. */
          put(key: string, value: string | ArrayBuffer | ArrayBufferView | ReadableStream, options?: KVPutOptions): Promise<void>;
          delete(key: string): Promise<void>;
        }

        /** A kv with `readwrite` access: all five methods. */
        export interface KVReadWrite extends KVRead, KVWrite {}

        // bucket: Cloudflare R2's API, on R2 or S3.

        export interface BucketHTTPMetadata {
          contentType?: string;
          contentLanguage?: string;
          contentDisposition?: string;
          contentEncoding?: string;
          cacheControl?: string;
          cacheExpiry?: Date;
        }

        export interface BucketObject {
          readonly key: string;
          readonly size: number;
          readonly etag: string;
          readonly httpEtag: string;
          readonly uploaded: Date;
          readonly httpMetadata: BucketHTTPMetadata;
          /** Names come back lower-cased. Listed objects carry none: `head` a key to read them. */
          readonly customMetadata: Record<string, string>;
          writeHttpMetadata(headers: Headers): void;
        }

        export interface BucketObjectBody extends BucketObject {
          readonly body: ReadableStream;
          readonly bodyUsed: boolean;
          text(): Promise<string>;
          json<Value = unknown>(): Promise<Value>;
          arrayBuffer(): Promise<ArrayBuffer>;
          blob(): Promise<Blob>;
        }

        export interface BucketListOptions {
          prefix?: string;
          delimiter?: string;
          /** 1 to 1,000. */
          limit?: number;
          cursor?: string;
        }

        export interface BucketListResult {
          objects: BucketObject[];
          delimitedPrefixes: string[];
          truncated: boolean;
          cursor?: string;
        }

        export interface BucketPutOptions {
          httpMetadata?: BucketHTTPMetadata | Headers;
          /** At most 2,048 bytes of names and values; names are lower-case header names. */
          customMetadata?: Record<string, string>;
        }

        /** A bucket with `read` access: `head`, `get`, `list`. A missing key gives `null`. */
        export interface BucketRead {
          head(key: string): Promise<BucketObject | null>;
          get(key: string): Promise<BucketObjectBody | null>;
          list(options?: BucketListOptions): Promise<BucketListResult>;
        }

        /** A bucket with `write` access: `put`, `delete`. */
        export interface BucketWrite {
          /** Keys are 1 to 1,024 bytes of UTF-8. */
          put(key: string, value: string | ArrayBuffer | ArrayBufferView | ReadableStream | Blob | null, options?: BucketPutOptions): Promise<BucketObject>;
          /** At most 1,000 keys a call. */
          delete(keys: string | string[]): Promise<void>;
        }

        /** A bucket with `readwrite` access: all five methods. */
        export interface BucketReadWrite extends BucketRead, BucketWrite {}

        // queue: Cloudflare Queues' producer API, on Queues or SQS. Bodies are JSON values.

        export interface QueueSendOptions {
          /** 0 to 900. */
          delaySeconds?: number;
        }

        export interface QueueSendRequest<Body = unknown> {
          body: Body;
          delaySeconds?: number;
        }

        /** A queue a function `send`s to. */
        export interface QueueSend<Body = unknown> {
          /** At most 127,900 bytes as JSON. */
          send(body: Body, options?: QueueSendOptions): Promise<void>;
          /** At most 100 messages and 256,000 bytes. */
          sendBatch(messages: readonly QueueSendRequest<Body>[], options?: QueueSendOptions): Promise<void>;
        }

        export interface QueueRetryOptions {
          /** 0 to 43,200. */
          delaySeconds?: number;
        }

        export interface QueueMessage<Body = unknown> {
          readonly id: string;
          readonly timestamp: Date;
          /** 1 on the first delivery. */
          readonly attempts: number;
          readonly body: Body;
          ack(): void;
          retry(options?: QueueRetryOptions): void;
        }

        /** What `queue` gets. Messages not acked or retried are acked when it returns, retried when it throws. */
        export interface MessageBatch<Body = unknown, Queue extends string = string> {
          /** The spec's name of the queue. */
          readonly queue: Queue;
          readonly messages: readonly QueueMessage<Body>[];
          ackAll(): void;
          retryAll(options?: QueueRetryOptions): void;
        }

        /** What `scheduled` gets. */
        export interface ScheduledController<Cron extends string = string> {
          /** The spec's own cron string, on every platform. */
          readonly cron: Cron;
          /** Milliseconds since the epoch. */
          readonly scheduledTime: number;
          readonly type: "scheduled";
          /** Asks the platform not to run a failed event again. */
          noRetry(): void;
        }

        // database: Cloudflare D1's API (Cloudflare only).

        export interface DatabaseResult<Row = Record<string, unknown>> {
          results: Row[];
          success: boolean;
          meta: Record<string, unknown>;
        }

        export interface DatabaseStatement {
          bind(...values: unknown[]): DatabaseStatement;
          first<Row = Record<string, unknown>>(): Promise<Row | null>;
          first<Value = unknown>(column: string): Promise<Value | null>;
          all<Row = Record<string, unknown>>(): Promise<DatabaseResult<Row>>;
          run<Row = Record<string, unknown>>(): Promise<DatabaseResult<Row>>;
          raw<Row extends unknown[] = unknown[]>(): Promise<Row[]>;
        }

        /** A database: `prepare`, `batch` and `exec` with every access; the access limits the statements (checked when they are made). */
        export interface Database {
          prepare(query: string): DatabaseStatement;
          batch<Row = Record<string, unknown>>(statements: DatabaseStatement[]): Promise<DatabaseResult<Row>[]>;
          exec(query: string): Promise<{ count: number; duration: number }>;
        }

        /** A database with `read` access: statements that only read (SELECT, VALUES, WITH, EXPLAIN). */
        export type DatabaseRead = Database;
        /** A database with `write` access: statements that change something. */
        export type DatabaseWrite = Database;
        /** A database with `readwrite` access: every statement. */
        export type DatabaseReadWrite = Database;
        """
}
