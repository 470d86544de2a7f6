#pragma once

#include <QLoggingCategory>

// One category per layer, switched with QT_LOGGING_RULES (e.g. "madoguchi.card.debug=true").
// Logs carry APDU headers and status words, never VERIFY data, signature inputs or personal data.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcPcsc)
Q_DECLARE_LOGGING_CATEGORY(lcCard)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcPki)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcServices)
Q_DECLARE_LOGGING_CATEGORY(lcGui)
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)
