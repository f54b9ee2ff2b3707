#pragma once
// What went wrong with an admin request, classified so the CLI can choose an exit code and the GUI a message.
#include <QString>
#include <cstdint>
#include <optional>
#include <utility>

namespace kafscope {

struct AdminError
{
    enum class Kind {
        None,
        Network, // could not connect, connection lost, timed out
        Protocol, // malformed or unexpected bytes from the broker
        Unsupported, // the broker does not serve the API (or no version we both speak)
        Kafka, // the broker answered with a Kafka error code
        Refused, // KafScope's own safety rules (a read-only connection, ...): nothing was sent
    };
    Kind kind = Kind::None;
    int16_t kafkaCode = 0; // for Kind::Kafka
    QString message; // a sentence for people; for Kafka errors it starts with the error name

    static AdminError network(QString m) { return { Kind::Network, 0, std::move(m) }; }
    static AdminError protocol(QString m) { return { Kind::Protocol, 0, std::move(m) }; }
    static AdminError unsupported(QString m) { return { Kind::Unsupported, 0, std::move(m) }; }
    static AdminError refused(QString m) { return { Kind::Refused, 0, std::move(m) }; }
    static AdminError kafka(int16_t code, const QString& context = {}, const QString& brokerMessage = {});
};

// A value or an AdminError; results of the admin client's asynchronous calls.
template <typename T> struct AdminResult
{
    std::optional<T> value;
    AdminError error;

    static AdminResult success(T v) { return { std::move(v), {} }; }
    static AdminResult failure(AdminError e) { return { std::nullopt, std::move(e) }; }
    bool ok() const { return value.has_value(); }
};

} // namespace kafscope
