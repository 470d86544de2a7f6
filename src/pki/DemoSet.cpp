#include "pki/DemoSet.h"

#include "pki/OpenSsl.h"
#include "pki/SeededRandom.h"
#include "pki/TestPki.h"

#include <QSet>

namespace madoguchi::pki {

namespace {

// One demo resident's card profile. All names and addresses are invented.
struct ResidentSpec
{
    const char* id;
    const char* description;
    DemoCardKind kind;
    const char* name; // family U+3000 given
    const char* sex;
    QDate birth;
    const char* prefecture;
    const char* city;
    const char* addressRest; // after prefecture + city
    const char* officeCode;
    int issuedDaysAgo;
    bool hasSignCert;
    int authTriesLeft;
};

const std::vector<ResidentSpec>& residentSpecs()
{
    using K = DemoCardKind;
    static const std::vector<ResidentSpec> specs{
        {"valid", "all certificates good", K::MyNumberCard, "窓口　花子", "2", QDate(1985, 6, 15), "東京都", "千代田区",
         "試験一丁目2番3号", "131016", 200, true, 3},
        {"moved", "moved house: signing cert revoked (reason 3 affiliationChanged), auth cert good", K::MyNumberCard,
         "転居　一郎", "1", QDate(1970, 1, 20), "大阪府", "大阪市北区", "試験町四丁目5番6号", "271276", 400, true, 3},
        {"lost", "card lost: both certs revoked (reason 1 keyCompromise)", K::MyNumberCard, "紛失　三郎", "1",
         QDate(1992, 11, 3), "北海道", "札幌市中央区", "北一条西二丁目1番地", "011011", 500, true, 3},
        {"renewed", "renewed: old auth cert superseded (reason 4), new auth cert with a new serial", K::MyNumberCard,
         "更新　愛子", "2", QDate(2001, 3, 30), "福岡県", "福岡市博多区", "試験駅前三丁目7番8号", "401323", 30, true,
         3},
        {"expired", "both certs expired", K::MyNumberCard, "期限　切子", "2", QDate(1950, 8, 8), "京都府",
         "京都市上京区", "試験通今出川上る試験町100番地", "261025", 6 * 365 + 30, true, 3},
        {"face-auth", "face-authentication card: no PINs, no signing cert", K::FaceAuthCard, "顔認　証子", "2",
         QDate(1999, 12, 24), "神奈川県", "横浜市中区", "試験町1丁目1番地", "141046", 100, false, 0},
        {"long-address", "address longer than 255 bytes in the Text AP, substitute characters (外字) flagged",
         K::MyNumberCard, "𠮷田　髙子", "2", QDate(1964, 2, 29), "鹿児島県", "鹿児島郡十島村",
         "大字宝島字𠮷﨑試験通り一丁目二十三番地の四百五十六　試験マンション髙﨑南ウイング第一号棟二十三階二千三百四十"
         "五号室"
         "（試験管理組合気付）試験集落髙﨑地区公民館東隣",
         "463035", 300, true, 3},
        {"one-try", "auth PIN with one try left", K::MyNumberCard, "残一　回太", "1", QDate(1980, 4, 1), "愛知県",
         "名古屋市中区", "試験三丁目1番1号", "231061", 250, true, 1},
        {"under15", "card of an under-15: PINs but no signing cert", K::MyNumberCard, "未来　翼", "1",
         QDate(2015, 5, 5), "宮城県", "仙台市青葉区", "試験町二丁目3番4号", "041009", 60, false, 3},
    };
    return specs;
}

// Characters the demo treats as substitute characters (外字): '1' in the flag strings.
QString substituteFlags(const QString& text)
{
    static const QSet<char32_t> gaiji{U'𠮷', U'髙', U'﨑'};
    QString flags;
    for (const char32_t c : text.toUcs4()) {
        flags += gaiji.contains(c) ? QLatin1Char('1') : QLatin1Char('0');
    }
    return flags;
}

// jpki-card.md §7: weights 2..7,2..6 from the right; check = 0 if r ≤ 1 else 11 − r.
QByteArray withCheckDigit(const QByteArray& first11)
{
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        const int digit = first11.at(11 - n) - '0';
        sum += digit * (n <= 6 ? n + 1 : n - 5);
    }
    const int r = sum % 11;
    return first11 + QByteArray::number(r <= 1 ? 0 : 11 - r);
}

QByteArray testIndividualNumber(const SeededRandom& random, const char* id, QSet<QByteArray>& used)
{
    SeededRandom stream = random.derive(QByteArray("individual-number:") + id);
    for (;;) {
        QByteArray digits;
        for (const char byte : stream.next(11)) {
            digits += static_cast<char>('0' + static_cast<quint8>(byte) % 10);
        }
        const QByteArray number = withCheckDigit(digits);
        if (!used.contains(number)) {
            used.insert(number);
            return number;
        }
    }
}

struct Builder
{
    TestPki pki;
    DemoSet set;
    std::vector<TestRevocation> authRevoked;
    std::vector<TestRevocation> signRevoked;
    QSet<QByteArray> usedNumbers;
    SeededRandom random;

    core::Result<void> addResident(const ResidentSpec& spec);
    core::Result<void> addCertificates(const ResidentSpec& spec, DemoResident& resident, const QDateTime& issued);
    core::Result<void> finish();
};

JpkiPersonalData personalData(const ResidentSpec& spec)
{
    JpkiPersonalData data;
    data.name = QString::fromUtf8(spec.name);
    data.nameFlags = substituteFlags(data.name);
    data.sex = QString::fromLatin1(spec.sex);
    data.birthDate = spec.birth;
    data.eraDigit = JpkiPersonalData::eraDigitFor(spec.birth);
    data.address =
        QString::fromUtf8(spec.prefecture) + QString::fromUtf8(spec.city) + QString::fromUtf8(spec.addressRest);
    data.addressFlags = substituteFlags(data.address);
    return data;
}

core::Result<void> Builder::addCertificates(const ResidentSpec& spec, DemoResident& resident, const QDateTime& issued)
{
    const QDateTime notAfter = TestPki::fifthBirthdayAfter(spec.birth, issued);
    const QByteArray label(spec.id);
    auto auth = pki.issueAuthCert(label, issued, notAfter);
    if (!auth) {
        return core::fail(auth.error());
    }
    resident.authCertDer = auth->certDer;
    resident.authKeyPkcs8Der = auth->keyPkcs8Der;
    QByteArray signSerial;
    if (spec.hasSignCert) {
        const SignCertProfile profile{QString::fromUtf8(spec.prefecture),
                                      QString::fromUtf8(spec.city),
                                      QString::fromLatin1(spec.officeCode),
                                      1,
                                      personalData(spec),
                                      issued,
                                      notAfter};
        auto sign = pki.issueSignCert(label, profile);
        if (!sign) {
            return core::fail(sign.error());
        }
        resident.signCertDer = sign->certDer;
        resident.signKeyPkcs8Der = sign->keyPkcs8Der;
        signSerial = sign->serial;
    }
    const QDateTime now = set.now;
    const QString id = QString::fromLatin1(spec.id);
    if (id == QStringLiteral("moved")) {
        signRevoked.push_back({signSerial, now.addDays(-10), 3});
    } else if (id == QStringLiteral("lost")) {
        authRevoked.push_back({auth->serial, now.addDays(-3), 1});
        signRevoked.push_back({signSerial, now.addDays(-3), 1});
    }
    return {};
}

core::Result<void> Builder::addResident(const ResidentSpec& spec)
{
    DemoResident resident;
    resident.id = QString::fromLatin1(spec.id);
    resident.description = QString::fromLatin1(spec.description);
    resident.kind = spec.kind;
    resident.authCaCertDer = set.authCaCertDer;
    resident.signCaCertDer = spec.hasSignCert ? set.signCaCertDer : QByteArray();
    const QDateTime issued = set.now.addDays(-spec.issuedDaysAgo).addSecs(-3600);
    if (auto made = addCertificates(spec, resident, issued); !made) {
        return made;
    }
    if (spec.kind != DemoCardKind::FaceAuthCard) {
        resident.authPin = DemoPin{QByteArrayLiteral("1234"), spec.authTriesLeft, 3};
        resident.textPin = DemoPin{QByteArrayLiteral("1234"), 3, 3};
        if (spec.hasSignCert) {
            resident.signPin = DemoPin{QByteArrayLiteral("ABC123"), 5, 5};
        }
    }
    const JpkiPersonalData data = personalData(spec);
    resident.facts = DemoBasicFacts{data.name, data.address, spec.birth.toString(QStringLiteral("yyyyMMdd")), data.sex};
    resident.testIndividualNumber = testIndividualNumber(random, spec.id, usedNumbers);
    set.residents.push_back(std::move(resident));
    return {};
}

// The renewed resident's previous card: issued three years ago, superseded on the new card's day.
core::Result<void> addRenewal(Builder& builder, const ResidentSpec& spec)
{
    const QDateTime oldIssued = builder.set.now.addYears(-3);
    auto old = builder.pki.issueAuthCert(QByteArray(spec.id) + "-old", oldIssued,
                                         TestPki::fifthBirthdayAfter(spec.birth, oldIssued));
    if (!old) {
        return core::fail(old.error());
    }
    const DemoResident* renewed = builder.set.resident(QString::fromLatin1(spec.id));
    auto newCert =
        renewed != nullptr
            ? ossl::certFromDer(renewed->authCertDer)
            : core::Result<ossl::X509Ptr>(core::fail(core::Errc::Internal, QStringLiteral("no renewed resident")));
    if (!newCert) {
        return core::fail(newCert.error());
    }
    builder.authRevoked.push_back({old->serial, builder.set.now.addDays(-spec.issuedDaysAgo), 4});
    builder.set.successions.push_back({renewed->id, ossl::authorityKeyId(newCert->get()), old->serial,
                                       ossl::serialBytes(newCert->get()), old->certDer});
    return {};
}

core::Result<void> Builder::finish()
{
    const QDateTime thisUpdate = set.now.addSecs(-3600);
    const QDateTime nextUpdate = set.now.addDays(1); // J-LIS publishes daily (jpki-card.md §6)
    const auto crlNumber = static_cast<quint64>(set.now.toSecsSinceEpoch() / 86400);
    auto authCrl = pki.makeCrl(Hierarchy::Auth, authRevoked, thisUpdate, nextUpdate, crlNumber);
    auto signCrl = pki.makeCrl(Hierarchy::Sign, signRevoked, thisUpdate, nextUpdate, crlNumber);
    auto authOcsp = pki.issueOcspSigner(Hierarchy::Auth);
    auto signOcsp = pki.issueOcspSigner(Hierarchy::Sign);
    if (!authCrl || !signCrl || !authOcsp || !signOcsp) {
        return core::fail(!authCrl    ? authCrl.error()
                          : !signCrl  ? signCrl.error()
                          : !authOcsp ? authOcsp.error()
                                      : signOcsp.error());
    }
    set.authCrlDer = *authCrl;
    set.signCrlDer = *signCrl;
    set.authOcspSignerCertDer = authOcsp->certDer;
    set.authOcspSignerKeyPkcs8Der = authOcsp->keyPkcs8Der;
    set.signOcspSignerCertDer = signOcsp->certDer;
    set.signOcspSignerKeyPkcs8Der = signOcsp->keyPkcs8Der;
    return {};
}

} // namespace

QDateTime DemoSet::defaultNow()
{
    return QDateTime(QDate(2025, 4, 1), QTime(0, 0), Qt::UTC);
}

const DemoResident* DemoSet::resident(const QString& id) const
{
    for (const auto& r : residents) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

core::Result<DemoSet> makeDemoSet(const DemoSetOptions& options)
{
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : DemoSet::defaultNow();
    auto pki = TestPki::create(TestPkiOptions{options.seed, now, 1, std::nullopt, std::nullopt});
    if (!pki) {
        return core::fail(pki.error());
    }
    Builder builder{std::move(*pki), DemoSet{}, {}, {}, {}, SeededRandom(options.seed)};
    DemoSet& set = builder.set;
    set.seed = options.seed;
    set.now = now;
    set.authCaCertDer = builder.pki.caCertDer(Hierarchy::Auth);
    set.signCaCertDer = builder.pki.caCertDer(Hierarchy::Sign);
    set.authCaKeyPkcs8Der = builder.pki.caKeyPkcs8Der(Hierarchy::Auth);
    set.signCaKeyPkcs8Der = builder.pki.caKeyPkcs8Der(Hierarchy::Sign);
    for (const auto& spec : residentSpecs()) {
        if (auto added = builder.addResident(spec); !added) {
            return core::fail(added.error());
        }
        if (QByteArrayView(spec.id) == "renewed") {
            if (auto renewed = addRenewal(builder, spec); !renewed) {
                return core::fail(renewed.error());
            }
        }
    }
    if (auto finished = builder.finish(); !finished) {
        return core::fail(finished.error());
    }
    return std::move(builder.set);
}

} // namespace madoguchi::pki
