#pragma once

// Shared set-up for the shell's GUI tests: a training counter (TEST credentials, one demo operator per
// role) in a temporary data directory, with its operator, session and settings services.
#include "core/Clock.h"
#include "services/CounterSetup.h"
#include "services/OperatorService.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"
#include "services/StoreSession.h"

#include <QDir>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace madoguchi::test {

struct ShellFixture
{
    QTemporaryDir dir;
    core::SystemClock clock;
    std::optional<services::StoreSession> store;
    std::unique_ptr<services::OperatorService> operators;
    std::unique_ptr<services::SessionService> session;
    std::unique_ptr<services::SettingsService> settings;

    [[nodiscard]] bool setUp()
    {
        auto opened = services::CounterSetup::openOrCreateTraining(dir.path(), clock);
        if (!opened) {
            qWarning() << opened.error().toString();
            return false;
        }
        store.emplace(std::move(*opened));
        operators = std::make_unique<services::OperatorService>(store->database(), clock);
        session = std::make_unique<services::SessionService>(*operators, true);
        settings = std::make_unique<services::SettingsService>(QDir(dir.path()).filePath(QStringLiteral("test.ini")));
        settings->attachAudit(&store->database(), nullptr);
        return true;
    }

    [[nodiscard]] bool signInAs(services::Role role)
    {
        return session->signInTrainingOperator(services::CounterSetup::trainingLoginFor(role)).has_value();
    }
};

} // namespace madoguchi::test
