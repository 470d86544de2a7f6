#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcCore, "madoguchi.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPcsc, "madoguchi.pcsc", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCard, "madoguchi.card", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "madoguchi.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPki, "madoguchi.pki", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "madoguchi.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "madoguchi.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "madoguchi.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServices, "madoguchi.services", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "madoguchi.gui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlatform, "madoguchi.platform", QtInfoMsg)
