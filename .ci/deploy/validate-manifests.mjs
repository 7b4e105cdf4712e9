// Checks rendered Kubernetes manifests offline against the API's OpenAPI schemas, as compiled by kubernetes-models
// (field types, required fields, enums, formats). kubectl cannot: its client-side dry run asks a server for the API
// groups first. Also refused here, because the schemas allow them: a duplicate key in one mapping (YAML would keep
// the last, silently) and a kind this chart does not expect.
// Usage: node validate-manifests.mjs <rendered.yaml>...   Prints one line per object; exits 1 on any problem.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";

const models = new Map(
  [ConfigMap, Service, ServiceAccount, Deployment, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy].map((model) => {
    const sample = new model({ metadata: { name: "x" } });
    return [`${sample.apiVersion}/${sample.kind}`, model];
  }),
);

let problems = 0;
const problem = (text) => {
  problems++;
  console.log(`  PROBLEM ${text}`);
};

for (const file of process.argv.slice(2)) {
  console.log(`== ${file}`);
  for (const document of parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true })) {
    for (const error of document.errors) {
      problem(`${file}: ${error.message}`);
    }

    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }

    const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
    const model = models.get(`${object.apiVersion}/${object.kind}`);
    if (!model) {
      problem(`${name}: not a kind this chart renders (${[...models.keys()].join(", ")})`);
      continue;
    }

    try {
      new model(object).validate();
      console.log(`  ok ${name}`);
    } catch (error) {
      problem(`${name}: ${error.message}`);
    }
  }
}

console.log(problems === 0 ? "manifests: valid" : `manifests: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
