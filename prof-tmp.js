require('/work/main/node_modules/reflect-metadata');
const { runWebhookBench } = require('/work/main/dist/bench/ingestion.bench.js');
runWebhookBench(process.argv[2], Number(process.argv[3])).then((r) => { console.log(r); process.exit(0); });
