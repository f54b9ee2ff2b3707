#pragma once
// What kafscope-cli's command files share: the output streams (flushed by cli::run before the process ends), the
// error exits, one admin client per command, and a wait for one asynchronous admin result.
#include "app/cli/dataplane.h"
#include "kafka/profiles/secretstore.h"
#include "kafka/protocol/adminclient.h"

#include <QEventLoop>
#include <QTextStream>
#include <memory>
#include <optional>

namespace kafscope::cli {

QTextStream& out();
QTextStream& err();

// Prints the message with a pointer to `help` (e.g. "kafscope-cli topic --help"); returns Usage.
int usageError(const QString& message, const QString& help = QStringLiteral("kafscope-cli --help"));
// Prints the error; returns Unreachable for network errors, KafkaError otherwise.
int adminFailure(const AdminError& error);

std::unique_ptr<protocol::AdminClient> adminClient(const CommandContext& context);

// The secrets the system keychain keeps under `key` (a saved connection's), waiting at most 10 s; returns why there
// are none (no keychain, nothing saved), or empty.
QString readKeychain(const QString& key, profiles::Secrets* secrets);

// Runs the event loop until `start` delivers its one answer (the admin and Connect clients call back exactly once; a
// timeout is an error answer).
template <typename Answer, typename Start> Answer awaitAnswer(Start start)
{
    std::optional<Answer> result;
    QEventLoop loop;
    start([&](const Answer& r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

template <typename T, typename Start> AdminResult<T> awaitResult(Start start)
{
    return awaitAnswer<AdminResult<T>>(start);
}

} // namespace kafscope::cli
