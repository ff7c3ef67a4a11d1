// Runs the graphql-http package's server audits (GraphQL over HTTP conformance) against
// the URL given as the first argument; prints every result as one JSON array.
const { serverAudits } = require('graphql-http');

(async () => {
  const results = [];
  for (const audit of serverAudits({ url: process.argv[2] })) {
    const result = await audit.fn();
    results.push({
      id: result.id, name: result.name, status: result.status,
      reason: result.reason || null, httpStatus: result.response ? result.response.status : null,
    });
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
