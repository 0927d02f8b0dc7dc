// @ts-check
/**
 * The shapes of the Lambda events the adapter reads and the results it returns (JSDoc only).
 * Sources: API Gateway "Working with AWS Lambda proxy integrations for HTTP APIs" (payload format 2.0),
 * Lambda "Using Lambda with Amazon SQS" (event and partial batch response) and EventBridge
 * "Scheduled events" (the Scheduled Event detail type).
 */

/**
 * @typedef {object} HttpApiEvent API Gateway HTTP API, payload format 2.0
 * @property {"2.0"} version
 * @property {string} routeKey "$default" or "GET /links/{code}"
 * @property {string} rawPath the path, as API Gateway decoded it
 * @property {string} [rawQueryString] without "?", still encoded
 * @property {string[]} [cookies] the Cookie header split at ";"
 * @property {Record<string, string>} [headers] lowercase names; repeated headers comma-joined
 * @property {string} [body]
 * @property {boolean} [isBase64Encoded]
 * @property {{http: {method: string, path: string, protocol?: string, sourceIp?: string}, domainName?: string,
 *   requestId?: string, stage?: string, timeEpoch?: number}} requestContext
 */

/**
 * @typedef {object} HttpApiResult what a payload 2.0 integration returns
 * @property {number} statusCode
 * @property {Record<string, string>} headers
 * @property {string[]} [cookies] each a Set-Cookie value
 * @property {string} body
 * @property {boolean} isBase64Encoded
 */

/**
 * @typedef {object} SqsRecord
 * @property {string} messageId
 * @property {string} receiptHandle
 * @property {string} body
 * @property {{ApproximateReceiveCount: string, SentTimestamp: string}} attributes
 * @property {"aws:sqs"} eventSource
 * @property {string} eventSourceARN arn:aws:sqs:<region>:<account>:<queue>
 * @property {string} [awsRegion]
 */

/** @typedef {{Records: SqsRecord[]}} SqsEvent */
/** @typedef {{batchItemFailures: {itemIdentifier: string}[]}} SqsBatchResponse */

/**
 * @typedef {object} ScheduledEvent an EventBridge rule's scheduled event
 * @property {"Scheduled Event"} detail-type
 * @property {"aws.events"} source
 * @property {string} time ISO 8601, the scheduled time
 * @property {string[]} resources the rule's ARN: arn:aws:events:<region>:<account>:rule/<name>
 */

export {};
