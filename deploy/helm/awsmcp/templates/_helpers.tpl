{{/* Names: <release>-awsmcp, or the release name alone when it already says awsmcp. */}}
{{- define "awsmcp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "awsmcp.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of the server's objects; the in-chart Redis has its own (component: redis). */}}
{{- define "awsmcp.labels" -}}
{{ include "awsmcp.chartLabels" . }}
{{ include "awsmcp.selectorLabels" . }}
{{- end }}

{{- define "awsmcp.redisLabels" -}}
{{ include "awsmcp.chartLabels" . }}
{{ include "awsmcp.redisSelectorLabels" . }}
{{- end }}

{{- define "awsmcp.chartLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "awsmcp.selectorLabels" -}}
{{ include "awsmcp.instanceLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "awsmcp.redisSelectorLabels" -}}
{{ include "awsmcp.instanceLabels" . }}
app.kubernetes.io/component: redis
{{- end }}

{{- define "awsmcp.instanceLabels" -}}
app.kubernetes.io/name: {{ include "awsmcp.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "awsmcp.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "awsmcp.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name must name the existing ServiceAccount when serviceAccount.create=false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "awsmcp.secretName" -}}
{{- default (include "awsmcp.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{- define "awsmcp.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "awsmcp.redisHost" -}}
{{- printf "%s-redis" (include "awsmcp.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* An env entry read from the chart's Secret: name, key. */}}
{{- define "awsmcp.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "awsmcp.secretName" .root }}
      key: {{ .key }}
{{- end }}

{{/*
The server's settings that are not secrets, as appsettings.Kubernetes.json: `config`, plus what first-class values
say (JWT, audit bucket, allowed hosts with the Service's own names). What the chart owns is refused in `config`, so
that a value cannot silently lose to an environment variable.
*/}}
{{- define "awsmcp.appsettings" -}}
{{- $config := deepCopy .Values.config }}
{{- range $path := list "Http.Urls" "Plugins.Path" "Plugins.ShadowCopyPath" "Audit.Path" "Audit.ChainKey" "Security.ApiKeys" "Security.ConfirmationKey" "SharedState.Redis" }}
{{- $section := index (splitList "." $path) 0 }}
{{- $key := index (splitList "." $path) 1 }}
{{- if hasKey (get $config $section | default dict) $key }}
{{- fail (printf "config.%s is set by the chart (folders, listen URL) or read from the Secret (keys): use the chart's values for it (docs/deployment.md, Kubernetes)" $path) }}
{{- end }}
{{- end }}
{{- $http := get $config "Http" | default dict }}
{{- $svc := include "awsmcp.fullname" . }}
{{- $ns := .Release.Namespace }}
{{- $hosts := concat (get $http "AllowedHosts" | default list) .Values.http.allowedHosts (list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.%s" $svc $ns .Values.http.clusterDomain)) }}
{{- $_ := set $http "AllowedHosts" ($hosts | uniq) }}
{{- $_ := set $config "Http" $http }}
{{- if or .Values.auth.jwt.authority .Values.auth.jwt.audience }}
{{- $security := get $config "Security" | default dict }}
{{- $_ := set $security "Jwt" (dict "Authority" .Values.auth.jwt.authority "Audience" .Values.auth.jwt.audience "Scopes" .Values.auth.jwt.scopes) }}
{{- $_ := set $config "Security" $security }}
{{- end }}
{{- if .Values.audit.s3Bucket }}
{{- $audit := get $config "Audit" | default dict }}
{{- $_ := set $audit "S3Bucket" .Values.audit.s3Bucket }}
{{- $_ := set $config "Audit" $audit }}
{{- end }}
{{- dict "AwsMcp" $config | toPrettyJson }}
{{- end }}

{{/* Refusals that a schema cannot express: what would make the server refuse to start, or start without an identity. */}}
{{- define "awsmcp.validate" -}}
{{- if and (empty .Values.auth.apiKeys) (not .Values.auth.jwt.authority) }}
{{- fail "auth: configure auth.apiKeys or auth.jwt; the server listens on 0.0.0.0 in the pod and refuses to without authentication" }}
{{- end }}
{{- if and .Values.auth.jwt.authority (not .Values.auth.jwt.audience) }}
{{- fail "auth.jwt.audience is required with auth.jwt.authority: tokens issued for another resource must be refused" }}
{{- end }}
{{- if and (eq .Values.aws.credentials "irsa") .Values.serviceAccount.create (not .Values.aws.irsa.roleArn) (not (hasKey .Values.serviceAccount.annotations "eks.amazonaws.com/role-arn")) }}
{{- fail "aws.irsa.roleArn is required with aws.credentials=irsa (the role EKS lets the pods assume); or set aws.credentials=podIdentity or none" }}
{{- end }}
{{- if and (ne .Values.aws.credentials "irsa") .Values.aws.irsa.roleArn }}
{{- fail (printf "aws.irsa.roleArn is set but aws.credentials=%s: the annotation would make EKS inject web identity, which the AWS SDK prefers over any other source" .Values.aws.credentials) }}
{{- end }}
{{- if .Values.podDisruptionBudget.enabled }}
{{- $floor := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled }}
{{- if le (int $floor) (int .Values.podDisruptionBudget.minAvailable) }}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be below the replica count (%d), or no node could ever be drained" (int .Values.podDisruptionBudget.minAvailable) (int $floor)) }}
{{- end }}
{{- end }}
{{- if and .Values.sharedState.redis.internal.enabled .Values.sharedState.redis.configurationKey }}
{{- fail "sharedState.redis: choose internal.enabled or configurationKey (an external Redis), not both" }}
{{- end }}
{{- end }}

{{/* Every container of the chart: no privilege, no capability, nothing written outside its volumes. */}}
{{- define "awsmcp.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
{{- end }}
