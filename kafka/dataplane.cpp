#include "kafka/dataplane.h"

// Compiled here rather than in the aggregated mocs file, so executables that never use these classes do not link them.
#include "moc_dataplane.cpp"
