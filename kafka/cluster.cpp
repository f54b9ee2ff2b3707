#include "kafka/cluster.h"

// Compiled here rather than in the aggregated mocs file, so executables that never use this class do not link it.
#include "moc_cluster.cpp"
