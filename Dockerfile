# migstatus in a container, for CI systems that take an image (GitLab CI's image:, Jenkins agents,
# docker run). Build it from a clone:   docker build -t migstatus .
# Run it:   docker run --rm -e MIGSTATUS_HOST -e MIGSTATUS_KEY migstatus --until migrated
#
# Stage 1 builds the runtime image with Maven (mvn -Pruntime package: the jar and a Java runtime
# trimmed by jlink to the modules migstatus needs); stage 2 puts it on a small glibc base with no
# JDK, and runs it as a user that is not root. The install folder is read-only to that user, so
# the class-data archive the launcher makes on a first run is made here, while the image is built.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies first, in a layer of their own: a change to the sources does not fetch them again.
COPY pom.xml .
RUN mvn -B -q -Pruntime dependency:go-offline
COPY README.md .
COPY docs/schema docs/schema
COPY src src
RUN mvn -B -q -Pruntime -DskipTests package

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --create-home --home-dir /home/migstatus --shell /usr/sbin/nologin migstatus
COPY --from=build /src/target/migstatus-runtime /opt/migstatus
RUN ln -s /opt/migstatus/bin/migstatus /usr/local/bin/migstatus \
    && migstatus --version > /dev/null
USER migstatus
WORKDIR /home/migstatus
ENTRYPOINT ["migstatus"]
