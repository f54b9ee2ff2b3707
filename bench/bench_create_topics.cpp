// Creates (or deletes) PREFIX-00000 .. PREFIX-<count-1> on a real cluster through librdkafka's Admin API, in batches,
// for bench/cli_vs_kcat.sh. Independent of the code under measurement on purpose. Topics that already exist (or, on
// delete, are already gone) count as done, so a rerun against a running cluster is cheap.
//
// Usage: bench_create_topics --bootstrap LIST [--count 1000] [--partitions 10] [--replication 1] [--prefix bench]
//                            [--batch 100] [--delete]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <librdkafka/rdkafka.h>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Options
{
    std::string bootstrap;
    int count = 1000;
    int partitions = 10;
    int replication = 1;
    int batch = 100;
    std::string prefix = "bench";
    bool remove = false;
};

[[noreturn]] void die(const std::string& message)
{
    std::fprintf(stderr, "bench_create_topics: %s\n", message.c_str());
    std::exit(1);
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--bootstrap")
            o.bootstrap = value();
        else if (a == "--count")
            o.count = std::stoi(value());
        else if (a == "--partitions")
            o.partitions = std::stoi(value());
        else if (a == "--replication")
            o.replication = std::stoi(value());
        else if (a == "--batch")
            o.batch = std::max(1, std::stoi(value()));
        else if (a == "--prefix")
            o.prefix = value();
        else if (a == "--delete")
            o.remove = true;
        else
            die("unknown argument " + a);
    }
    if (o.bootstrap.empty())
        die("--bootstrap is required");
    return o;
}

std::string topicName(const Options& o, int i)
{
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-%05d", i);
    return o.prefix + suffix;
}

using Handle = std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)>;
using Queue = std::unique_ptr<rd_kafka_queue_t, decltype(&rd_kafka_queue_destroy)>;
using AdminOptions = std::unique_ptr<rd_kafka_AdminOptions_t, decltype(&rd_kafka_AdminOptions_destroy)>;
using Event = std::unique_ptr<rd_kafka_event_t, decltype(&rd_kafka_event_destroy)>;

Handle connect(const Options& o)
{
    char err[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", o.bootstrap.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK)
        die(err);
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        die(err);
    return Handle(rk, &rd_kafka_destroy);
}

// One CreateTopics or DeleteTopics request for topics [first, last); returns how many it created or deleted.
int runBatch(rd_kafka_t* rk, rd_kafka_queue_t* queue, const Options& o, int first, int last)
{
    char err[512];
    const rd_kafka_admin_op_t op = o.remove ? RD_KAFKA_ADMIN_OP_DELETETOPICS : RD_KAFKA_ADMIN_OP_CREATETOPICS;
    AdminOptions options(rd_kafka_AdminOptions_new(rk, op), &rd_kafka_AdminOptions_destroy);
    // The broker answers once the topics exist in the controller's metadata, not merely once the request was taken.
    rd_kafka_AdminOptions_set_operation_timeout(options.get(), 120000, err, sizeof err);
    rd_kafka_AdminOptions_set_request_timeout(options.get(), 180000, err, sizeof err);

    std::vector<rd_kafka_NewTopic_t*> creates;
    std::vector<rd_kafka_DeleteTopic_t*> deletes;
    for (int i = first; i < last; ++i) {
        const std::string name = topicName(o, i);
        if (o.remove) {
            deletes.push_back(rd_kafka_DeleteTopic_new(name.c_str()));
        } else {
            rd_kafka_NewTopic_t* t = rd_kafka_NewTopic_new(name.c_str(), o.partitions, o.replication, err, sizeof err);
            if (!t)
                die(err);
            creates.push_back(t);
        }
    }
    if (o.remove)
        rd_kafka_DeleteTopics(rk, deletes.data(), deletes.size(), options.get(), queue);
    else
        rd_kafka_CreateTopics(rk, creates.data(), creates.size(), options.get(), queue);

    Event event(rd_kafka_queue_poll(queue, 200000), &rd_kafka_event_destroy);
    for (auto* t : creates)
        rd_kafka_NewTopic_destroy(t);
    for (auto* t : deletes)
        rd_kafka_DeleteTopic_destroy(t);
    if (!event)
        die("no answer from the cluster within 200 s");
    if (rd_kafka_event_error(event.get()))
        die(std::string("request failed: ") + rd_kafka_event_error_string(event.get()));

    const rd_kafka_topic_result_t** results;
    size_t n = 0;
    if (o.remove)
        results = rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(event.get()), &n);
    else
        results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event.get()), &n);
    int done = 0;
    for (size_t i = 0; i < n; ++i) {
        const rd_kafka_resp_err_t e = rd_kafka_topic_result_error(results[i]);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
            ++done;
        else if (e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS && e != RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
            die(std::string(rd_kafka_topic_result_name(results[i])) + ": " + rd_kafka_err2str(e));
    }
    return done;
}

} // namespace

int main(int argc, char** argv)
{
    const Options o = parse(argc, argv);
    Handle rk = connect(o);
    Queue queue(rd_kafka_queue_new(rk.get()), &rd_kafka_queue_destroy);
    const auto t0 = std::chrono::steady_clock::now();
    int done = 0;
    for (int first = 0; first < o.count; first += o.batch)
        done += runBatch(rk.get(), queue.get(), o, first, std::min(o.count, first + o.batch));
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "bench_create_topics: %s %d of %d topics (%s-00000..) in %.1f s\n",
        o.remove ? "deleted" : "created", done, o.count, o.prefix.c_str(), s);
    return 0;
}
