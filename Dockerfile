# The service image: a silo with the co-hosted REST gateway, or the gateway alone (Orleans__Role=Gateway).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY samples/ChatPolicy/ samples/ChatPolicy/
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl serves the container health checks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080 11111 30000
HEALTHCHECK --interval=5s --timeout=3s --retries=20 CMD curl -fs http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "UserGraph.Silo.dll"]
