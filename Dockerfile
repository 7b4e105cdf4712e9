# AwsMcp server image: the host and the four tool packs, run as a non-root user.
#   docker build -t awsmcp .
#   docker run -p 8080:8080 -e AWSMCP__Security__ApiKeys__0__Name=copilot-studio \
#     -e AWSMCP__Security__ApiKeys__0__Hash=<sha-256 hex of the key> -e AWSMCP__Security__ConfirmationKey=<base64> \
#     -e AWS_REGION=eu-west-1 -v awsmcp-plugins:/app/plugins awsmcp
# docs/deployment.md lists every environment variable. Without authentication configured the server refuses to
# listen on 0.0.0.0 (it only ever binds loopback unauthenticated), so the container exits with a message saying so.

ARG DOTNET_IMAGE_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_IMAGE_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# global.json is left out on purpose: it pins the repository's exact SDK patch, and the image's SDK is whatever
# 10.0 feature band the tag points at. Any 10.0 SDK compiles the generator (it targets Roslyn 5.0).
COPY Directory.Build.props Directory.Packages.props ./
COPY build/ build/
COPY src/ src/
COPY plugins/ plugins/
# ReadyToRun host (start to the first tools/list 839 -> 662 ms here, docs/benchmarks.md); packs stay JIT: precompiling
# them measured no faster, since their start cost is loading the AWS SDK, not compiling their own code.
ARG TARGETARCH=amd64
RUN rid="linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" && \
    dotnet publish src/AwsMcp.Host/AwsMcp.Host.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o /out/app -p:UseAppHost=false
# Each pack is published into its own plugin folder: plugins/<AssemblyName>/<AssemblyName>.dll with its private
# dependencies (AWSSDK.*); the contract assembly (AwsMcp.Abstractions) comes from the host.
RUN for pack in Compute Storage Billing Iam; do \
      dotnet publish "plugins/${pack}/AwsMcp.${pack}.csproj" -c Release -o "/out/plugins/AwsMcp.${pack}" -p:UseAppHost=false || exit 1; \
    done

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_IMAGE_VERSION} AS runtime
WORKDIR /app
COPY --from=build /out/app/ /app/
COPY --from=build /out/plugins/ /app/plugins/
# The audit spool must be writable by the non-root user and survive restarts (mount a volume there).
RUN mkdir -p /var/lib/awsmcp/audit && chown -R "$APP_UID" /var/lib/awsmcp /app/plugins

ENV AWSMCP__Http__Urls=http://0.0.0.0:8080 \
    AWSMCP__Plugins__Path=/app/plugins \
    AWSMCP__Audit__Path=/var/lib/awsmcp/audit \
    AWSMCP__Logging__Json=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

# The aspnet image's built-in non-root user. The Helm chart runs the pods as this UID (runAsUser), so a base image
# that changed it fails the build here instead of the pods at start.
ARG AWSMCP_UID=1654
RUN [ "$APP_UID" = "$AWSMCP_UID" ] || { echo "APP_UID is $APP_UID, deploy/helm/awsmcp expects $AWSMCP_UID" >&2; exit 1; }
USER $APP_UID
EXPOSE 8080
# A named volume starts as a copy of the four packs; a bind mount replaces them with the operator's own folder.
VOLUME ["/app/plugins", "/var/lib/awsmcp/audit"]

# GET / is the anonymous health endpoint. The runtime image has no curl, so bash's /dev/tcp makes the request;
# the Host is loopback, which the DNS-rebinding filter always accepts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "/app/awsmcp.dll", "serve"]
