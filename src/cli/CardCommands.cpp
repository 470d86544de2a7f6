// `madoguchi-cli card list|read|pin-status|verify-pin|prove`: the card layer without a window.
#include "cli/CardVerbs.h"
#include "cli/Groups.h"
#include "core/Clock.h"
#include "pki/TrustStore.h"
#include "services/CardSummaryReader.h"

#include <QJsonArray>

#include <array>

namespace madoguchi::cli {

using core::Errc;

namespace {

const QString Usage = QStringLiteral(
    "usage: madoguchi-cli [--json] card <verb> [options]\n"
    "  list                      readers and whether a card is in them\n"
    "  read                      token, auth certificate identity, validity, chain verdict, PINs present\n"
    "  pin-status [--pin KIND]   tries left of each PIN (KIND: auth, sign, text)\n"
    "  verify-pin --pin KIND     VERIFY once; the PIN is read from the terminal (echo off) or a stdin line\n"
    "  prove                     auth PIN + signature over a fresh challenge, verified locally\n"
    "options:\n"
    "  --reader NAME             default: the first reader with a card\n"
    "  --training ID             an in-process training reader with demo card ID instead of PC/SC\n"
    "  --extended                allow extended-length APDUs\n"
    "  --trust training|production   default: production for PC/SC, training for --training\n"
    "  --confirm-last-try        allow a VERIFY when only one try is left\n");

QString chainName(services::CardSummary::ChainStatus chain)
{
    switch (chain) {
    case services::CardSummary::ChainStatus::Trusted:
        return QStringLiteral("trusted");
    case services::CardSummary::ChainStatus::TrustedTestPki:
        return QStringLiteral("trusted_test_pki");
    case services::CardSummary::ChainStatus::Untrusted:
        return QStringLiteral("untrusted");
    case services::CardSummary::ChainStatus::NotChecked:
        break;
    }
    return QStringLiteral("not_checked");
}

QString kindName(services::CardSummary::Kind kind)
{
    switch (kind) {
    case services::CardSummary::Kind::MyNumberCard:
        return QStringLiteral("my_number_card");
    case services::CardSummary::Kind::JukiCard:
        return QStringLiteral("juki_card");
    case services::CardSummary::Kind::Smartphone:
        return QStringLiteral("smartphone");
    case services::CardSummary::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QJsonObject summaryJson(const services::CardSummary& s, const CardSession& session)
{
    QJsonObject o{{QStringLiteral("ok"), true},
                  {QStringLiteral("backend"), session.backendName()},
                  {QStringLiteral("reader"), s.readerName},
                  {QStringLiteral("kind"), kindName(s.kind)},
                  {QStringLiteral("hasPins"), s.hasPins},
                  {QStringLiteral("issuerKeyId"), hex(s.issuerKeyId)},
                  {QStringLiteral("serial"), hex(s.serial)},
                  {QStringLiteral("identity"), hex(s.issuerKeyId) + QLatin1Char(':') + hex(s.serial)},
                  {QStringLiteral("issuer"), s.issuerName},
                  {QStringLiteral("notBefore"), s.notBefore.toString(Qt::ISODate)},
                  {QStringLiteral("notAfter"), s.notAfter.toString(Qt::ISODate)},
                  {QStringLiteral("chain"), chainName(s.chain)},
                  {QStringLiteral("trust"), session.trustModeName()},
                  {QStringLiteral("apduCount"), s.apduCount},
                  {QStringLiteral("elapsedMicros"), static_cast<double>(s.elapsedMicros)}};
    if (s.chainError) {
        o.insert(QStringLiteral("chainError"), core::errcName(s.chainError->code));
        o.insert(QStringLiteral("chainErrorDetail"), s.chainError->detail);
    }
    return o;
}

void printSummary(QTextStream& out, const services::CardSummary& s, const CardSession& session)
{
    out << "reader:    " << s.readerName << " (" << session.backendName() << ")\n"
        << "card:      " << kindName(s.kind) << '\n'
        << "identity:  " << hex(s.issuerKeyId) << ':' << hex(s.serial) << "  (issuer key id : auth serial)\n"
        << "issuer:    " << s.issuerName << '\n'
        << "validity:  " << s.notBefore.toString(Qt::ISODate) << " → " << s.notAfter.toString(Qt::ISODate) << '\n'
        << "chain:     " << chainName(s.chain);
    if (s.chainError) {
        out << " (" << core::errcName(s.chainError->code) << ": " << s.chainError->detail << ')';
    }
    out << "  [trust: " << session.trustModeName() << "]\n"
        << "PINs:      " << (s.hasPins ? QStringLiteral("yes") : QStringLiteral("none (face-authentication card)"))
        << '\n'
        << "read:      " << s.apduCount << " APDUs in " << QString::number(s.elapsedMicros / 1000.0, 'f', 1) << " ms\n";
    if (s.chain == services::CardSummary::ChainStatus::TrustedTestPki) {
        out << "*** TEST PKI: this card chains to a training root, not to J-LIS ***\n";
    }
}

} // namespace

int reportCardError(CliIo& io, const core::Error& error, QJsonObject extra)
{
    const bool wrongPin = error.code == Errc::PinIncorrect && (error.nativeCode & 0xFFF0) == 0x63C0;
    if (wrongPin) {
        extra.insert(QStringLiteral("triesLeft"), static_cast<int>(error.nativeCode & 0x0F));
    }
    if (!io.json()) {
        io.err() << "error: " << error.toString() << Qt::endl;
        if (wrongPin) {
            io.err() << "wrong PIN: " << (error.nativeCode & 0x0F) << " tries left" << Qt::endl;
        }
        return exitCodeFor(error);
    }
    QJsonObject o{{QStringLiteral("ok"), false},
                  {QStringLiteral("error"), core::errcName(error.code)},
                  {QStringLiteral("detail"), error.detail},
                  {QStringLiteral("nativeCode"), static_cast<double>(error.nativeCode)}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        o.insert(it.key(), it.value());
    }
    io.printJson(o);
    return exitCodeFor(error);
}

QString pinOptionName(card::PinKind kind)
{
    switch (kind) {
    case card::PinKind::Auth:
        return QStringLiteral("auth");
    case card::PinKind::Sign:
        return QStringLiteral("sign");
    case card::PinKind::Text:
        break;
    }
    return QStringLiteral("text");
}

std::optional<card::PinKind> parsePinKind(const QString& name)
{
    for (const card::PinKind kind : {card::PinKind::Auth, card::PinKind::Sign, card::PinKind::Text}) {
        if (name == pinOptionName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

int runCardList(CliIo& io, const CardOptions& options)
{
    auto session = CardSession::open(options);
    if (!session) {
        return reportCardError(io, session.error());
    }
    auto readers = session->backend().readers();
    if (!readers && readers.error().code != Errc::NoReaders) {
        return reportCardError(io, readers.error());
    }
    const QList<card::ReaderState> list = readers ? *readers : QList<card::ReaderState>{};
    if (io.json()) {
        QJsonArray array;
        for (const card::ReaderState& r : list) {
            array.append(QJsonObject{{QStringLiteral("name"), r.name},
                                     {QStringLiteral("cardPresent"), r.cardPresent},
                                     {QStringLiteral("cardInUse"), r.cardInUse},
                                     {QStringLiteral("mute"), r.mute},
                                     {QStringLiteral("atr"), hex(r.atr)}});
        }
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("backend"), session->backendName()},
                      {QStringLiteral("readers"), array}});
        return ExitOk;
    }
    if (list.isEmpty()) {
        io.out() << "no readers (" << session->backendName() << ")\n";
    }
    for (const card::ReaderState& r : list) {
        io.out() << r.name << ": "
                 << (r.mute          ? QStringLiteral("card mute")
                     : r.cardPresent ? QStringLiteral("card")
                                     : QStringLiteral("empty"))
                 << (r.cardInUse ? QStringLiteral(" (in use)") : QString()) << '\n';
    }
    return ExitOk;
}

int runCardRead(CliIo& io, const CardOptions& options)
{
    auto session = CardSession::open(options);
    if (!session) {
        return reportCardError(io, session.error());
    }
    auto trust = session->trustStore();
    if (!trust) {
        return reportCardError(io, trust.error());
    }
    auto connection = session->connect();
    if (!connection) {
        return reportCardError(io, connection.error());
    }
    const core::SystemClock clock;
    auto summary = services::CardSummaryReader(*trust, clock).read(**connection);
    if (!summary) {
        return reportCardError(io, summary.error());
    }
    if (io.json()) {
        io.printJson(summaryJson(*summary, *session));
    } else {
        printSummary(io.out(), *summary, *session);
    }
    return ExitOk;
}

CommandGroup cardCommands()
{
    return {QStringLiteral("card"), QStringLiteral("read My Number Cards (list, read, pin-status, verify-pin, prove)"),
            Usage, [](CliIo& io) {
                const QString verb = io.args().value(0);
                auto options = CardOptions::parse(io.args().mid(1));
                if (!options) {
                    return io.usageError(options.error().detail);
                }
                if (!options->rest.isEmpty()) {
                    return io.usageError(QStringLiteral("unknown argument ") + options->rest.first());
                }
                using Verb = int (*)(CliIo&, const CardOptions&);
                const std::array<std::pair<const char*, Verb>, 5> verbs{{{"list", runCardList},
                                                                         {"read", runCardRead},
                                                                         {"pin-status", runCardPinStatus},
                                                                         {"verify-pin", runCardVerifyPin},
                                                                         {"prove", runCardProve}}};
                for (const auto& [name, run] : verbs) {
                    if (verb == QLatin1String(name)) {
                        return run(io, *options);
                    }
                }
                return io.usageError(QStringLiteral("unknown verb \"%1\"\n").arg(verb) + Usage);
            }};
}

} // namespace madoguchi::cli
