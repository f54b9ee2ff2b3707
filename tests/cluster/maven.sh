# Resolving jars from Maven Central, shared (sourced) by kafka-cluster.sh, group-clients.sh and connect-demos.sh.
# The caller defines log and die.

# maven_copy_deps POM OUTDIR WHAT [MAVEN ARGS...]: POM's runtime dependencies into OUTDIR, or die naming WHAT.
# Maven's output goes to stderr (stdout is for the scripts' answers), minus the colour resets Maven 3.8 prints even
# with -B -q; the dependency plugin is pinned so it runs on Debian 12's Maven 3.8.7.
maven_copy_deps() {
    local pom=$1 out=$2 what=$3
    shift 3
    command -v mvn > /dev/null || die "mvn not found (run scripts/install-deps --test)"
    mvn -B -q -f "$pom" "$@" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$out" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2 \
        || { rm -rf "$out"; die "Maven could not resolve $what"; }
}

# maven_fetch_once HOME POM WHAT EXPECTED_JAR BESIDE [MAVEN ARGS...]: fills HOME/libs once. EXPECTED_JAR must be
# among the jars; BESIDE (a libs folder, or "") is what the jars run beside on one classpath: every jar whose artifact
# BESIDE already has is dropped, so the classpath holds each library once. The .complete marker is written last, so
# an interrupted fetch is redone rather than used half-finished; a lock (held by a subshell, so JVMs started later
# do not inherit it) keeps concurrent first fetches from trampling each other.
maven_fetch_once() {
    local home=$1
    [[ -f $home/.complete ]] && return 0
    mkdir -p "$home"
    (
        flock 8
        [[ -f $home/.complete ]] || maven_fetch_locked "$@"
    ) 8> "$home.lock"
}

maven_fetch_locked() {
    local home=$1 pom=$2 what=$3 expected=$4 beside=$5 tmp jar name
    shift 5
    tmp=$(mktemp -d "$home/libs.tmp.XXXXXX")
    log "fetching $what from Maven Central"
    maven_copy_deps "$pom" "$tmp" "$what" "$@"
    [[ -f $tmp/$expected ]] || { rm -rf "$tmp"; die "$expected missing after fetching $what"; }
    if [[ -n $beside ]]; then
        for jar in "$tmp"/*.jar; do
            name=$(basename "$jar" | sed -E 's/-[0-9][^-]*(-[^-]+)?\.jar$//')   # artifact id: strip -<version>.jar
            compgen -G "$beside/$name-[0-9]*.jar" > /dev/null && rm -f "$jar"
        done
    fi
    rm -rf "$home/libs"
    mv "$tmp" "$home/libs"
    echo "$what" > "$home/.complete"
    log "$what cached in $home/libs"
}
