// Sends one GraphQL request with graphql-request, the way a front end or script using that
// library would, so that the integration tests see the endpoint through a real GraphQL client
// and not only through hand-built HTTP.
//
// Reads {url, token, document, variables, introspection} as JSON on stdin; the token travels on
// stdin rather than argv so that it never shows in process lists or build logs. With
// "introspection": true the document is graphql-js's own getIntrospectionQuery(), as GraphiQL
// and code generators send it.
//
// Prints one JSON object on stdout: {"data": ...} when the library returns data, or, when it
// throws a ClientError (GraphQL errors or a non-2xx status), what the library saw:
// {"status", "errors", "data", "body"}. Anything else (no connection, an answer that is not
// JSON with a 2xx status) is a failure of the test run: message on stderr, exit code 1.
import { getIntrospectionQuery } from "graphql";
import { ClientError, GraphQLClient } from "graphql-request";

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const input = await readStdin();
const document = input.introspection ? getIntrospectionQuery() : input.document;
const headers = input.token ? { Authorization: `Bearer ${input.token}` } : {};
const client = new GraphQLClient(input.url, { headers });

let answer;
try {
  answer = { data: await client.request(document, input.variables ?? undefined) };
} catch (error) {
  if (!(error instanceof ClientError)) {
    // The message of a fetch failure names the URL and the cause, never the headers.
    process.stderr.write(`graphql-request failed: ${error?.message}\n`);
    if (error?.cause) {
      process.stderr.write(`cause: ${error.cause?.message ?? error.cause}\n`);
    }
    process.exit(1);
  }
  const response = error.response;
  answer = {
    status: response.status,
    errors: response.errors ?? null,
    data: response.data ?? null,
    body: response.body ?? null,
  };
}
process.stdout.write(JSON.stringify(answer));
