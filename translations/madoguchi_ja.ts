<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AddOperatorDialog</name>
    <message>
        <location filename="../ui/AddOperatorDialog.ui" line="+5" />
        <source>Add operator</source>
        <translation>操作者の追加</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Operator name:</source>
        <translation>操作者名(&amp;O):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a-z, 0-9, . _ -</source>
        <translation>半角 a-z、0-9、. _ -</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Operator name</source>
        <translation>操作者名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Full name:</source>
        <translation>氏名(&amp;F):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Role:</source>
        <translation>役割(&amp;R):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm password:</source>
        <translation>パスワード（確認）(&amp;C):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm password</source>
        <translation>パスワード（確認）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../ui/AuditPage.ui" line="+6" />
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;From</source>
        <translation>開始(&amp;F)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Filter from time</source>
        <translation>絞り込みの開始日時</translation>
    </message>
    <message>
        <location line="+0" />
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location line="+0" />
        <source>From time</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Until</source>
        <translation>終了(&amp;U)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Filter until time</source>
        <translation>絞り込みの終了日時</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Until time</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Operator:</source>
        <translation>操作者(&amp;O):</translation>
    </message>
    <message>
        <location line="+0" />
        <source>any operator</source>
        <translation>すべての操作者</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Action:</source>
        <translation>操作(&amp;A):</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Card / &amp;subject:</source>
        <translation>カード／対象(&amp;S):</translation>
    </message>
    <message>
        <location line="+0" />
        <source>card:&lt;issuer&gt;:&lt;serial&gt; or its beginning</source>
        <translation>card:&lt;発行者&gt;:&lt;シリアル番号&gt; またはその先頭部分</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Card identity or subject</source>
        <translation>カード識別子または対象</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A&amp;pply filter</source>
        <translation>絞り込みを適用(&amp;P)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit entries</source>
        <translation>監査ログの項目</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Select an entry to see all its fields.</source>
        <translation>項目を選択すると、すべてのフィールドが表示されます。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Entry detail</source>
        <translation>項目の詳細</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Verify log</source>
        <translation>ログを検証(&amp;V)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Recompute every entry and check every signed tree head</source>
        <translation>すべての項目を再計算し、署名付きツリーヘッドをすべて確認します</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Verification progress</source>
        <translation>検証の進行状況</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Verification result</source>
        <translation>検証結果</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export &amp;CSV…</source>
        <translation>CSV に書き出し(&amp;C)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export P&amp;DF…</source>
        <translation>PDF に書き出し(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../ui/CardView.ui" line="+12" />
        <source>Place a My Number Card on the reader.</source>
        <translation>マイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Kind of card</source>
        <translation>カードの種類</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issuer key ID</source>
        <translation>発行者鍵ID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Certificate serial</source>
        <translation>証明書シリアル番号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reader</source>
        <translation>リーダー</translation>
    </message>
</context>
<context>
    <name>DemoCardNames</name>
    <message>
        <location filename="../src/gui/DemoCardNames.cpp" line="+13" />
        <source>Valid card</source>
        <translation>有効なカード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moved (signing certificate revoked, reason 3)</source>
        <translation>転居（署名用電子証明書失効、理由 3）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost card (both certificates revoked, reason 1)</source>
        <translation>紛失（両方の証明書失効、理由 1）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Renewed card (new serial)</source>
        <translation>更新後のカード（新しいシリアル番号）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Card before renewal (superseded, reason 4)</source>
        <translation>更新前のカード（更新による失効、理由 4）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expired certificates</source>
        <translation>有効期限切れの証明書</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Face-authentication card (no PINs)</source>
        <translation>顔認証マイナンバーカード（暗証番号なし）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Long address with substitute characters</source>
        <translation>代替文字を含む長い住所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN with one try left</source>
        <translation>暗証番号の残り回数 1 回</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Old Basic Resident Register card</source>
        <translation>住民基本台帳カード（旧）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder under 15 (no signing certificate)</source>
        <translation>15 歳未満（署名用電子証明書なし）</translation>
    </message>
</context>
<context>
    <name>EnrolmentReceipt</name>
    <message>
        <location filename="../src/gui/EnrolmentReceipt.cpp" line="+14" />
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Linkage number</source>
        <translation>紐付け番号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder proved by</source>
        <translation>本人確認の方法</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered at</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered by</source>
        <translation>登録者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Madoguchi — enrolment receipt</source>
        <translation>窓口 Madoguchi — 登録控え</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep this receipt. It contains no card number and no individual number (My Number).</source>
        <translation>この控えは大切に保管してください。カードの番号や個人番号（マイナンバー）は記載されていません。</translation>
    </message>
</context>
<context>
    <name>EnrolmentWizard</name>
    <message>
        <location filename="../ui/EnrolmentWizard.ui" line="+9" />
        <source>Current step</source>
        <translation>現在の手順</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Place the resident's My Number Card on the reader.</source>
        <translation>住民の方のマイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Prove that the resident holds this card. Reading the card alone (tap only) is not proof.</source>
        <translation>住民の方がこのカードの本人であることを確認してください。カードを読み取っただけ（かざしただけ）では本人確認になりません。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Resident enters the &amp;PIN…</source>
        <translation>住民の方が暗証番号を入力(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN and signature</source>
        <translation>暗証番号と署名</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Photo check (this office is approved)</source>
        <translation>顔写真による確認（この窓口は承認済み）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>I compared the resident's face with the card photo and they &amp;match.</source>
        <translation>住民の方の顔とカードの顔写真を照合し、一致することを確認しました(&amp;M)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Proof status</source>
        <translation>本人確認の状況</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Linkage kind:</source>
        <translation>紐付けの種類(&amp;L):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Linkage kind</source>
        <translation>紐付けの種類</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Review</source>
        <translation>内容の確認</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Receipt</source>
        <translation>控え</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Ca&amp;ncel</source>
        <translation>キャンセル(&amp;N)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Print receipt…</source>
        <translation>控えを印刷(&amp;P)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../ui/FirstRunDialog.ui" line="+5" />
        <source>Set up this counter</source>
        <translation>この窓口の初期設定</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No counter database exists in %1 yet. Choose how the database key is protected, and create the first administrator account.</source>
        <translation>%1 にはまだ窓口のデータベースがありません。データベースの鍵の保護方法を選び、最初の管理者アカウントを作成してください。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Database key</source>
        <translation>データベースの鍵</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Store the database key in this computer's &amp;keychain</source>
        <translation>データベースの鍵をこのコンピューターのキーチェーンに保存する(&amp;K)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keychain</source>
        <translation>キーチェーン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keychain status</source>
        <translation>キーチェーンの状態</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Protect with an &amp;administrator passphrase</source>
        <translation>管理者パスフレーズで保護する(&amp;A)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator passphrase only</source>
        <translation>管理者パスフレーズのみ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About the chosen protection</source>
        <translation>選んだ保護方法の説明</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Administrator &amp;passphrase:</source>
        <translation>管理者パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator passphrase</source>
        <translation>管理者パスフレーズ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm passphrase:</source>
        <translation>パスフレーズ（確認）(&amp;C):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm passphrase</source>
        <translation>パスフレーズ（確認）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Passphrase strength</source>
        <translation>パスフレーズの強度</translation>
    </message>
    <message>
        <location line="+6" />
        <source>First administrator</source>
        <translation>最初の管理者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Operator name:</source>
        <translation>操作者名(&amp;O):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Operator name</source>
        <translation>操作者名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Full name:</source>
        <translation>氏名(&amp;F):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator password</source>
        <translation>管理者のパスワード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm pass&amp;word:</source>
        <translation>パスワード（確認）(&amp;W):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm administrator password</source>
        <translation>管理者のパスワード（確認）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Set-up error</source>
        <translation>初期設定のエラー</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.ui" line="+5" />
        <source>Import linkages</source>
        <translation>紐付けの取り込み</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location line="+8" />
        <source>File to import</source>
        <translation>取り込むファイル</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Choose…</source>
        <translation>選択(&amp;C)…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Mode:</source>
        <translation>取り込み方法(&amp;M):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import mode</source>
        <translation>取り込み方法</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Import progress</source>
        <translation>取り込みの進行状況</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import result</source>
        <translation>取り込み結果</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Rows that were not imported</source>
        <translation>取り込まれなかった行</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Save report as CSV…</source>
        <translation>レポートを CSV で保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import</source>
        <translation>取り込み(&amp;I)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Ca&amp;ncel import</source>
        <translation>取り込みを中止(&amp;N)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>C&amp;lose</source>
        <translation>閉じる(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LinkageDetailDialog</name>
    <message>
        <location filename="../ui/LinkageDetailDialog.ui" line="+5" />
        <source>Linkage details and history</source>
        <translation>紐付けの詳細と履歴</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Linkage details</source>
        <translation>紐付けの詳細</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;History (every version):</source>
        <translation>履歴（すべての版）(&amp;H):</translation>
    </message>
    <message>
        <location line="+7" />
        <source>History</source>
        <translation>履歴</translation>
    </message>
</context>
<context>
    <name>LinkageLabels</name>
    <message>
        <location filename="../src/gui/LinkageLabels.cpp" line="+12" />
        <location line="+17" />
        <source>Platform ID</source>
        <translation>プラットフォームID</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Health insurance</source>
        <translation>健康保険</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cable TV</source>
        <translation>ケーブルテレビ</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Insurer number</source>
        <translation>保険者番号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Symbol</source>
        <translation>記号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch number</source>
        <translation>枝番</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Household ID</source>
        <translation>世帯ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Card number</source>
        <translation>カード番号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expiry (MM/YY)</source>
        <translation>有効期限（MM/YY）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brand</source>
        <translation>ブランド</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 4 digits</source>
        <translation>下 4 桁</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspended</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ended</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Migrated</source>
        <translation>移行済み</translation>
    </message>
    <message>
        <location line="+9" />
        <source>PIN and signature</source>
        <translation>暗証番号と署名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Photo check by staff</source>
        <translation>顔写真による確認（職員）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card read only (tap only)</source>
        <translation>カードの読み取りのみ（かざしただけ）</translation>
    </message>
</context>
<context>
    <name>LinkagesPage</name>
    <message>
        <location filename="../ui/LinkagesPage.ui" line="+10" />
        <source>Search by</source>
        <translation>検索条件</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Search text</source>
        <translation>検索文字列</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Linkages found</source>
        <translation>見つかった紐付け</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Details and history…</source>
        <translation>詳細と履歴(&amp;D)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sus&amp;pend…</source>
        <translation>一時停止(&amp;P)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;End…</source>
        <translation>終了(&amp;E)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Migrate card…</source>
        <translation>カードの移行(&amp;M)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import file…</source>
        <translation>ファイルの取り込み(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../ui/LockScreen.ui" line="+5" />
        <source>Sign-in screen</source>
        <translation>サインイン画面</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+29" />
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Sign in with your operator name and password.</source>
        <translation>操作者名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Operator:</source>
        <translation>操作者(&amp;O):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Operator name</source>
        <translation>操作者名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sign-in error</source>
        <translation>サインインのエラー</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sign in with &amp;card…</source>
        <translation>カードでサインイン(&amp;C)…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in with your own My Number Card on the reader and its user-authentication PIN</source>
        <translation>ご自身のマイナンバーカードと利用者証明用暗証番号でサインインします</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in with card</source>
        <translation>カードでサインイン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Training credentials</source>
        <translation>研修用のサインイン情報</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+6" />
        <source>Madoguchi</source>
        <translation>窓口 Madoguchi</translation>
    </message>
    <message>
        <location line="+6" />
        <source>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</source>
        <translation>テスト用 PKI — テスト用のルート証明書を信頼しています。ここに表示される証明書は J-LIS の本物の証明書ではありません。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Test PKI warning</source>
        <translation>テスト用 PKI の警告</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign &amp;out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;About Madoguchi</source>
        <translation>Madoguchi について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../src/gui/Messages.cpp" line="+21" />
        <source>The smart card service is not running. Start it (pcscd / Smart Card service) or use the training reader.</source>
        <translation>スマートカードサービスが動いていません。サービス（pcscd / Smart Card）を起動するか、研修用リーダーを使ってください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No card reader is connected. Connect a reader or use the training reader.</source>
        <translation>カードリーダーが接続されていません。リーダーを接続するか、研修用リーダーを使ってください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card reader is no longer available. Check its cable.</source>
        <translation>カードリーダーが使えなくなりました。ケーブルを確認してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no card on the reader.</source>
        <translation>リーダーにカードがありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card was removed during reading. Put it back on the reader; nothing was changed.</source>
        <translation>読み取り中にカードが取り外されました。カードをリーダーに戻してください。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card did not answer properly. Put it on the reader again.</source>
        <translation>カードが正しく応答しませんでした。もう一度リーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Another program is using the card. Close it and try again.</source>
        <translation>別のプログラムがカードを使用中です。そのプログラムを閉じてからやり直してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This is not a My Number Card (no public personal authentication application).</source>
        <translation>マイナンバーカードではありません（公的個人認証のアプリケーションがありません）。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>The PIN is wrong. %n tries left.</source>
        <translation>
            <numerusform>暗証番号が違います。残り %n 回です。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>The PIN is wrong.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN is blocked. The resident must have it reset at their municipal office.</source>
        <translation>暗証番号がロックされています。住民の方に市区町村の窓口で初期化の手続きをしていただく必要があります。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no PIN (face-authentication card). PIN-based proof is not possible; use the photo check where your office is approved.</source>
        <translation>このカードには暗証番号がありません（顔認証マイナンバーカード）。暗証番号による本人確認はできません。認められた窓口では顔写真による確認を行ってください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN does not have the right form (4 digits; signing password 6–16 letters A–Z and digits).</source>
        <translation>暗証番号の形式が正しくありません（数字 4 桁。署名用パスワードは英大文字 A～Z と数字で 6～16 文字）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only one try is left. Ask the resident to confirm before entering the PIN.</source>
        <translation>残り 1 回です。暗証番号を入力する前に住民の方に確認してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no signing certificate (face-authentication card or holder under 15). This is normal for such cards.</source>
        <translation>このカードには署名用電子証明書がありません（顔認証マイナンバーカードまたは 15 歳未満の方）。このようなカードでは正常な状態です。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The certificate has expired.</source>
        <translation>証明書の有効期限が切れています。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate is not valid yet.</source>
        <translation>証明書はまだ有効期間前です。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate has been revoked.</source>
        <translation>証明書は失効しています。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The revocation status could not be determined; the card is not treated as valid.</source>
        <translation>失効状態を確認できませんでした。このカードは有効として扱いません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate was not issued by a trusted J-LIS authority.</source>
        <translation>証明書は信頼できる J-LIS の認証局が発行したものではありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A signature did not verify.</source>
        <translation>署名を検証できませんでした。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The card returned data that is not valid.</source>
        <translation>カードから正しくないデータが返されました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operation took too long and was stopped.</source>
        <translation>処理に時間がかかりすぎたため中止しました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database key is wrong, or the file is not a Madoguchi database.</source>
        <translation>データベースの鍵が違うか、Madoguchi のデータベースではありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The input was not accepted: %1</source>
        <translation>入力内容を受け付けられませんでした: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role does not allow this. Ask an administrator.</source>
        <translation>この操作はあなたの役割では行えません。管理者に依頼してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operator name or password is wrong, or the account is disabled.</source>
        <translation>操作者名またはパスワードが違うか、アカウントが無効になっています。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Too many wrong passwords. Sign-in is paused for a while; try again later.</source>
        <translation>パスワードの誤りが多すぎるため、しばらくサインインできません。時間をおいてからやり直してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card is not bound to an operator account. An administrator can bind it on the Operators page.</source>
        <translation>このカードはどの操作者アカウントにも紐付けられていません。管理者が［操作者］ページで紐付けできます。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not found.</source>
        <translation>見つかりません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The disk is full. Nothing was half-saved: free some space, then try again. An import continues where it stopped.</source>
        <translation>ディスクの空き容量が不足しています。途中まで保存されたデータはありません。空き容量を確保してから、もう一度お試しください。取り込みは中断したところから再開します。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The revocation list is out of date; import a current one.</source>
        <translation>失効リスト (CRL) が古くなっています。最新のものを取り込んでください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The server could not be reached. Work on this counter continues; try again later.</source>
        <translation>サーバーに接続できません。この窓口での作業は続けられます。後でもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server answered with an error (HTTP %1). Ask an administrator to check the terminal's registration.</source>
        <translation>サーバーがエラーを返しました（HTTP %1）。端末の登録を管理者に確認してもらってください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Something went wrong (%1).</source>
        <translation>問題が発生しました（%1）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>This build of Madoguchi has no keychain support.</source>
        <translation>この Madoguchi はキーチェーンに対応していないビルドです。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No keychain service answers on this computer (it needs a desktop session with a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>このコンピューターではキーチェーンのサービスが応答しません（GNOME Keyring や KWallet などの Secret Service があるデスクトップセッションが必要です）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The keychain is locked or refused access.</source>
        <translation>キーチェーンがロックされているか、アクセスを拒否しました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain did not answer in time (it may be waiting to be unlocked).</source>
        <translation>キーチェーンが時間内に応答しませんでした（ロック解除を待っている可能性があります）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain has no entry for this counter's database key.</source>
        <translation>キーチェーンにこの窓口のデータベースの鍵の項目がありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The key in the keychain does not open this database.</source>
        <translation>キーチェーンの鍵ではこのデータベースを開けません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain could not be used (%1).</source>
        <translation>キーチェーンを使えませんでした（%1）。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The keychain did not accept the database key. %1 Nothing was created: try again, or choose the administrator passphrase.</source>
        <translation>キーチェーンがデータベースの鍵を受け付けませんでした。%1 何も作成していません。もう一度試すか、管理者パスフレーズを選んでください。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The counter could not be opened from the keychain. %1 Enter the recovery passphrase instead; the keychain entry is then repaired where the keychain allows it.</source>
        <translation>キーチェーンから窓口を開けませんでした。%1 代わりに復旧用パスフレーズを入力してください。キーチェーンが許せば、その項目も修復します。</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../ui/OperatorsPage.ui" line="+5" />
        <source>Operators</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The people who may use this counter, and their roles. Every change is recorded in the audit log.</source>
        <translation>この窓口を使用できる人とその役割です。変更はすべて監査ログに記録されます。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Operator accounts</source>
        <translation>操作者アカウント</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Add operator…</source>
        <translation>操作者の追加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reset password…</source>
        <translation>パスワードの再設定(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change &amp;role…</source>
        <translation>役割の変更(&amp;R)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Bind card on the reader</source>
        <translation>リーダー上のカードを紐付け(&amp;B)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bind the My Number Card on the reader to the selected operator, for card sign-in</source>
        <translation>リーダー上のマイナンバーカードを選択した操作者に紐付けます（カードでのサインイン用）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bind card on the reader</source>
        <translation>リーダー上のカードを紐付け</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Operators status</source>
        <translation>操作者の状態</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../ui/ReaderPanel.ui" line="+8" />
        <source>&amp;Readers</source>
        <translation>リーダー(&amp;R)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Card readers</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Training reader</source>
        <translation>研修用リーダー</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Demo card</source>
        <translation>デモカード</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Insert card</source>
        <translation>カードを挿入(&amp;I)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Re&amp;move card</source>
        <translation>カードを取り外す(&amp;M)</translation>
    </message>
</context>
<context>
    <name>ResidentPinDialog</name>
    <message>
        <location filename="../ui/ResidentPinDialog.ui" line="+5" />
        <source>Enter your PIN</source>
        <translation>暗証番号の入力</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter the 4-digit PIN for user authentication (利用者証明用暗証番号).</source>
        <translation>利用者証明用電子証明書の暗証番号（数字 4 桁）を入力してください。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Checking how many tries are left…</source>
        <translation>残り回数を確認しています…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tries left</source>
        <translation>残り回数</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff: I have explained that one wrong PIN blocks the card, and the resident wants to try.</source>
        <translation>職員: 次に間違えると暗証番号がロックされることを説明し、住民の方が入力を希望されました。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff confirmation of the last try</source>
        <translation>最後の 1 回についての職員の確認</translation>
    </message>
    <message>
        <location line="+9" />
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
</context>
<context>
    <name>RevocationsPage</name>
    <message>
        <location filename="../ui/RevocationsPage.ui" line="+8" />
        <location line="+20" />
        <source>Loaded CRLs</source>
        <translation>読み込み済みの失効リスト (CRL)</translation>
    </message>
    <message>
        <location line="-12" />
        <source>No CRL is loaded yet — import the J-LIS CRL with "Import CRL…". Until then every card's revocation status is unknown.</source>
        <translation>失効リスト (CRL) がまだ読み込まれていません。［失効リスト (CRL) の取り込み…］で J-LIS の失効リストを取り込んでください。取り込むまでは、どのカードも失効状態が不明になります。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Entries by reason</source>
        <translation>理由別の件数</translation>
    </message>
    <message>
        <location line="+9" />
        <source>OCSP settings</source>
        <translation>OCSP の設定</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import CRL…</source>
        <translation>失効リスト (CRL) の取り込み(&amp;I)…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Look up a &amp;serial (hex):</source>
        <translation>シリアル番号の検索（16 進数）(&amp;S):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Serial number in hex</source>
        <translation>シリアル番号（16 進数）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Look up</source>
        <translation>検索(&amp;L)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Look-up result</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Migrations to do (reason 4)</source>
        <translation>未処理の移行（理由 4）(&amp;M)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Migrations to do</source>
        <translation>未処理の移行</translation>
    </message>
    <message>
        <location line="+9" />
        <source>C&amp;hange of address (reason 3)</source>
        <translation>住所変更（理由 3）(&amp;H)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Change-of-address events</source>
        <translation>住所変更の一覧</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Show &amp;done items</source>
        <translation>処理済みも表示(&amp;D)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Mark done</source>
        <translation>処理済みにする(&amp;M)</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <location filename="../src/gui/RoleNames.cpp" line="+9" />
        <source>Municipal staff</source>
        <translation>市区町村職員</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Insurer clerk</source>
        <translation>保険者担当者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Auditor</source>
        <translation>監査担当者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.ui" line="+5" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Display language:</source>
        <translation>表示言語(&amp;D):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Display language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location line="+7" />
        <source>ℹ Only administrators change the office settings below.</source>
        <translation>ℹ 以下の窓口の設定は管理者のみ変更できます。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Card readers</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;referred reader:</source>
        <translation>優先するリーダー(&amp;R):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First reader with a card</source>
        <translation>カードのある最初のリーダー</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Preferred reader</source>
        <translation>優先するリーダー</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allow &amp;extended-length APDUs where the reader supports them</source>
        <translation>リーダーが対応していれば拡張長 APDU を使用する(&amp;E)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform &amp;address:</source>
        <translation>プラットフォームのアドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>https://platform.example.jp</source>
        <translation>https://platform.example.jp</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Platform address</source>
        <translation>プラットフォームのアドレス</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Terminal certificate:</source>
        <translation>端末証明書(&amp;T):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Path of the terminal's client certificate (PEM)</source>
        <translation>端末のクライアント証明書のパス（PEM）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Terminal certificate path</source>
        <translation>端末証明書のパス</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Office policy</source>
        <translation>窓口の運用方針</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This office is approved for the &amp;photo-check route</source>
        <translation>この窓口は顔写真による確認が承認されている(&amp;P)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lock after inactivity:</source>
        <translation>自動ロックまでの時間(&amp;L):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after inactivity, minutes</source>
        <translation>自動ロックまでの時間（分）</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+2" />
        <source>Trust anchors</source>
        <translation>トラストアンカー</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Install anchor from file…</source>
        <translation>ファイルからトラストアンカーを追加(&amp;I)…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Settings status</source>
        <translation>設定の状態</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../ui/SyncPage.ui" line="+18" />
        <source>Not configured: this counter works offline</source>
        <translation>未設定: この窓口はオフラインで動作しています</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No platform is configured, so nothing is sent or received and every change stays on this counter. Once the terminal is registered with the platform, an administrator enters the platform address and the terminal certificate in Settings; the changes made until then are sent at the first sync.</source>
        <translation>共通プラットフォームが設定されていないため送受信は行われず、変更はすべてこの窓口に保存されます。端末をプラットフォームに登録したら、管理者が［設定］でプラットフォームのアドレスと端末証明書を入力してください。それまでの変更は最初の同期で送信されます。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Open &amp;Settings</source>
        <translation>設定を開く(&amp;S)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Platform address</source>
        <translation>プラットフォームのアドレス</translation>
    </message>
    <message>
        <location line="+4" />
        <source>State:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sync state</source>
        <translation>同期の状態</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Last sent:</source>
        <translation>最終送信:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last sent</source>
        <translation>最終送信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last received:</source>
        <translation>最終受信:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last received</source>
        <translation>最終受信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting to be sent:</source>
        <translation>送信待ち:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes waiting to be sent</source>
        <translation>送信待ちの変更</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Sync &amp;now</source>
        <translation>今すぐ同期(&amp;N)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send this counter's changes and receive the others' (Ctrl+R)</source>
        <translation>この窓口の変更を送信し、他の窓口の変更を受信します (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+6" />
        <source>Sync progress</source>
        <translation>同期の進行状況</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+22" />
        <source>Conflicts</source>
        <translation>競合</translation>
    </message>
    <message>
        <location line="-14" />
        <source>No conflicts. When another counter has linked the same card and kind differently, both versions appear here for you to decide; nothing is overwritten on its own.</source>
        <translation>競合はありません。別の窓口が同じカード・同じ種類を異なる内容で紐付けた場合、両方の版がここに表示され、担当者が判断します。自動で上書きされることはありません。</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+4" />
        <source>This counter's version</source>
        <translation>この窓口の版</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+4" />
        <source>The platform's version</source>
        <translation>プラットフォームの版</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Keep this counter's version</source>
        <translation>この窓口の版を残す(&amp;K)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sends this counter's version again as a new version; the platform's one is ended.</source>
        <translation>この窓口の版を新しい版として再送信し、プラットフォームの版は終了します。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Take the platform's version</source>
        <translation>プラットフォームの版を採用(&amp;T)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stores the platform's version here as a new version; this counter's one is ended.</source>
        <translation>プラットフォームの版をこの窓口に新しい版として保存し、この窓口の版は終了します。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AddOperatorDialog</name>
    <message>
        <location filename="../src/gui/AddOperatorDialog.cpp" line="+38" />
        <source>⚠ The two passwords differ.</source>
        <translation>⚠ 2 つのパスワードが一致しません。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>⚠ The password needs at least %1 characters.</source>
        <translation>⚠ パスワードは %1 文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AuditLogModel</name>
    <message>
        <location filename="../src/gui/AuditLogModel.cpp" line="+71" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject</source>
        <translation>対象</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AuditPage</name>
    <message>
        <location filename="../src/gui/AuditPage.cpp" line="+67" />
        <source>The audit log cannot be opened.</source>
        <translation>監査ログを開けません。</translation>
    </message>
    <message>
        <location line="+78" />
        <source>No entries match this filter. Clear the filter to see the whole log.</source>
        <translation>条件に一致する項目はありません。絞り込みをクリアすると、ログ全体が表示されます。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The audit log has no entries yet. Sign-ins, card reads and every change to the registry will appear here.</source>
        <translation>監査ログにはまだ項目がありません。サインイン、カードの読み取り、登録内容のすべての変更がここに表示されます。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message numerus="yes">
        <location line="+44" />
        <source>Intact: %n entries, %1 signed tree heads checked.</source>
        <translation>
            <numerusform>改ざんなし: %n 件の項目と %1 個の署名付きツリーヘッドを確認しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Verification cancelled; nothing was concluded.</source>
        <translation>検証を中止しました。結果は判定されていません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>NOT intact: %1</source>
        <translation>改ざん・破損を検出: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(first bad entry: No. %1)</source>
        <translation>（最初の異常な項目: No. %1）</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Audit log report</source>
        <translation>監査ログ報告書</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>Exported %n entries; the export is recorded in the log.</source>
        <translation>
            <numerusform>%n 件を書き出しました。書き出したことは監査ログに記録されています。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export audit entries as CSV</source>
        <translation>監査ログの項目を CSV に書き出し</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Export audit report as PDF</source>
        <translation>監査報告書を PDF に書き出し</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::CardView</name>
    <message>
        <location filename="../src/gui/CardView.cpp" line="+35" />
        <source>Reading the card on %1…</source>
        <translation>%1 のカードを読み取っています…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>My Number Card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Basic Resident Register card (old)</source>
        <translation>住民基本台帳カード（旧）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Smartphone JPKI</source>
        <translation>スマートフォン用電子証明書</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown JPKI token</source>
        <translation>不明な JPKI トークン</translation>
    </message>
    <message>
        <location line="+4" />
        <source> — face-authentication card (no PINs, no signing certificate)</source>
        <translation> — 顔認証マイナンバーカード（暗証番号・署名用電子証明書なし）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>✔ Certificate chain verified (J-LIS).</source>
        <translation>✔ 証明書チェーンを検証しました（J-LIS）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Certificate chain verified against a TEST root.</source>
        <translation>✔ テスト用のルート証明書で証明書チェーンを検証しました。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✖ Certificate not accepted: %1</source>
        <translation>✖ 証明書を受け付けられません: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Certificate chain not checked.</source>
        <translation>証明書チェーンは未検証です。</translation>
    </message>
    <message>
        <location line="+29" />
        <source>, STALE</source>
        <translation>、期限切れ</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Revocation not checked yet.</source>
        <translation>失効状態はまだ確認していません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Not revoked %1.</source>
        <translation>✔ 失効していません %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ REVOKED on %1: %2 %3.</source>
        <translation>✖ %1 に失効しています: %2 %3。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>? Revocation status unknown: %1.</source>
        <translation>? 失効状態が不明です: %1。</translation>
    </message>
    <message>
        <location line="-27" />
        <source>no CRL of this issuer is loaded</source>
        <translation>この発行者の失効リストが読み込まれていません</translation>
    </message>
    <message>
        <location line="-39" />
        <source>age unknown</source>
        <translation>経過時間不明</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n minute(s) old</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n hour(s) old</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>(from the CRL of %1 issued %2, %3%4)</source>
        <translation>（%1 の失効リスト、%2 発行、%3%4）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(from the OCSP responder %1, answered %2)</source>
        <translation>（OCSP レスポンダー %1、%2 応答）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(from the platform's revocation feed %1, as of %2)</source>
        <translation>（プラットフォームの失効情報 %1、%2 時点）</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the CRL is out of date</source>
        <translation>失効リストが古くなっています</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no revocation source answered (CRL, OCSP) — do not rely on this card yet</source>
        <translation>失効情報の確認先（CRL・OCSP）がどれも応答しませんでした — 確認できるまでこのカードを信頼しないでください</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no revocation source is configured</source>
        <translation>失効確認の取得先が設定されていません</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the OCSP responder does not know this certificate</source>
        <translation>OCSP レスポンダーはこの証明書を把握していません</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Checking whether the card on %1 is revoked…</source>
        <translation>%1 のカードの失効を確認しています…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 – %2</source>
        <translation>%1 ～ %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1
(reader: %2)</source>
        <translation>%1
（リーダー: %2）</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::EnrolmentWizard</name>
    <message>
        <location filename="../src/gui/EnrolmentWizard.cpp" line="+38" />
        <source>The enrolment was cancelled. Nothing was stored.</source>
        <translation>登録をキャンセルしました。何も保存されていません。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Card on %1
Serial: %2
%3</source>
        <translation>%1 のカード
シリアル番号: %2
%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Genuine card, valid certificate.</source>
        <translation>✔ 正規のカードで、証明書は有効です。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No card has been read.</source>
        <translation>カードが読み取られていません。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The card's certificate is not from a trusted JPKI authority.</source>
        <translation>カードの証明書は、信頼できる公的個人認証の認証局が発行したものではありません。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The card's certificate is expired or not yet valid; it cannot be enrolled.</source>
        <translation>カードの証明書が有効期限切れか有効期間前のため、登録できません。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Place the resident's My Number Card on the reader.</source>
        <translation>住民の方のマイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card was removed, so the enrolment was cancelled. Nothing was stored.</source>
        <translation>カードが取り外されたため、登録をキャンセルしました。何も保存されていません。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Read the card</source>
        <translation>カードの読み取り</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Prove the holder</source>
        <translation>本人確認</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the linkage</source>
        <translation>紐付けの選択</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter the details</source>
        <translation>詳細の入力</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Review</source>
        <translation>内容の確認</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Step %1 of 6: %2</source>
        <translation>手順 %1/6: %2</translation>
    </message>
    <message>
        <location line="+30" />
        <source>&amp;Enrol</source>
        <translation>登録(&amp;E)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Next</source>
        <translation>次へ(&amp;N)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;New enrolment</source>
        <translation>新しい登録(&amp;N)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ca&amp;ncel</source>
        <translation>キャンセル(&amp;N)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This is a face-authentication card: it has no PINs. Only the photo check can prove the holder, where this office is approved.</source>
        <translation>このカードは顔認証マイナンバーカードのため、暗証番号がありません。本人確認は、承認された窓口での顔写真による確認でのみ行えます。</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Checking the PIN and the card's signature…</source>
        <translation>暗証番号とカードの署名を確認しています…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>✔ PIN and signature verified: the resident holds this card.</source>
        <translation>✔ 暗証番号と署名を確認しました。住民の方はこのカードの本人です。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>✖ Wrong PIN. Tries left: %n. Nothing was retried; the resident may try again only if they wish.</source>
        <translation>
            <numerusform>✖ 暗証番号が違います。残り回数: %n。自動での再試行はしていません。住民の方が希望する場合に限り、もう一度入力できます。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>✔ Photo check recorded by %1.</source>
        <translation>✔ %1 が顔写真による確認を記録しました。</translation>
    </message>
    <message>
        <location filename="../src/gui/EnrolmentWizardSteps.cpp" line="+35" />
        <source>Your role (%1) cannot enrol residents.</source>
        <translation>あなたの役割（%1）では住民の登録はできません。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>typed hidden; never stored</source>
        <translation>入力内容は非表示。保存されません</translation>
    </message>
    <message>
        <location line="+2" />
        <source>leave empty to issue a new platform ID here</source>
        <translation>空欄にすると、新しいプラットフォームIDをここで発行します</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 ending in %2</source>
        <translation>%1（末尾 %2）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;p&gt;&lt;b&gt;Card&lt;/b&gt;: %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Holder proved by&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Linkage&lt;/b&gt;: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;カード&lt;/b&gt;: %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;本人確認の方法&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;紐付け&lt;/b&gt;: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33" />
        <source>✔ Enrolled. Print the receipt for the resident.</source>
        <translation>✔ 登録しました。住民の方にお渡しする控えを印刷してください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::FirstRunDialog</name>
    <message>
        <location filename="../src/gui/FirstRunDialog.cpp" line="+21" />
        <source>✔ A keychain is available on this computer.</source>
        <translation>✔ このコンピューターではキーチェーンを使えます。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✖ Not available: %1</source>
        <translation>✖ 使えません: %1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Recovery &amp;passphrase:</source>
        <translation>復旧用パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator &amp;passphrase:</source>
        <translation>管理者パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recovery passphrase</source>
        <translation>復旧用パスフレーズ</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator passphrase</source>
        <translation>管理者パスフレーズ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ℹ The counter opens without a prompt on this computer. The recovery passphrase opens it if the keychain entry is lost or the keychain is locked: write it down and keep it in a safe.</source>
        <translation>ℹ このコンピューターでは入力なしで窓口が開きます。キーチェーンの項目が失われたりロックされていたりするときは復旧用パスフレーズで開きます。書き留めて金庫に保管してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ℹ The passphrase is asked for at every start of the counter.</source>
        <translation>ℹ 窓口を起動するたびにパスフレーズを入力します。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Too short: at least %1 characters.</source>
        <translation>✖ 短すぎます。%1 文字以上にしてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>⚠ Weak (about %1 bits). Use a longer phrase of several words.</source>
        <translation>⚠ 弱い（約 %1 ビット）。複数の単語からなる、より長いフレーズにしてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>◐ Fair (about %1 bits). A few more words make it strong.</source>
        <translation>◐ 普通（約 %1 ビット）。単語をいくつか加えると強くなります。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Strong (about %1 bits).</source>
        <translation>✔ 強い（約 %1 ビット）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>⚠ The two passphrases differ.</source>
        <translation>⚠ 2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ The two passwords differ.</source>
        <translation>⚠ 2 つのパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ImportDialog</name>
    <message>
        <location filename="../src/gui/ImportDialog.cpp" line="+69" />
        <source>Detect automatically</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <location line="+1" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shift_JIS (Excel)</source>
        <translation>Shift_JIS（Excel）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import the valid rows, report the others</source>
        <translation>正しい行を取り込み、それ以外はレポートに記載する</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All or nothing: any bad row stops the import</source>
        <translation>全件一括: 誤りのある行が 1 行でもあれば何も取り込まない</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose a CSV file of linkages. Nothing is stored until you press Import.</source>
        <translation>紐付けの CSV ファイルを選択してください。［取り込み］を押すまでは何も保存されません。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message numerus="yes">
        <location line="+27" />
        <source>Importing… %n row(s) read.</source>
        <translation>
            <numerusform>取り込んでいます… %n 行を読み取りました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Import cancelled. Rows already committed are kept; importing the same file again resumes after them.</source>
        <translation>✖ 取り込みを中止しました。確定済みの行はそのまま残ります。同じファイルをもう一度取り込むと、その続きから再開します。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>✔ %1 row(s) read, %2 imported, %3 rejected.</source>
        <translation>✔ %1 行を読み取り、%2 行を取り込み、%3 行を除外しました。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>✖ Nothing was stored: %1 row(s) have problems (all-or-nothing).</source>
        <translation>✖ 何も保存されていません: %1 行に問題があります（全件一括）。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choose a linkage file</source>
        <translation>紐付けファイルの選択</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Save the import report</source>
        <translation>取り込みレポートの保存</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ The report could not be saved to %1.</source>
        <translation>✖ レポートを %1 に保存できませんでした。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ImportIssueModel</name>
    <message>
        <location filename="../src/gui/ImportIssueModel.cpp" line="+17" />
        <location line="+43" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+45" />
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <location line="-45" />
        <location line="+47" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkageDetailDialog</name>
    <message>
        <location filename="../src/gui/LinkageDetailDialog.cpp" line="+22" />
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linkage number</source>
        <translation>紐付け番号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder proved by</source>
        <translation>本人確認の方法</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 to %2</source>
        <translation>%1 ～ %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>open</source>
        <translation>期限なし</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkageTableModel</name>
    <message>
        <location filename="../src/gui/LinkageTableModel.cpp" line="+86" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Identifier</source>
        <translation>識別子</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Holder proved by</source>
        <translation>本人確認の方法</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Valid from</source>
        <translation>有効開始日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkagesPage</name>
    <message>
        <location filename="../src/gui/LinkagesPage.cpp" line="+48" />
        <source>Card on the reader</source>
        <translation>リーダー上のカード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Platform ID</source>
        <translation>プラットフォームID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insurance (insurer symbol number branch)</source>
        <translation>保険（保険者番号 記号 番号 枝番）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resident name</source>
        <translation>住民の氏名</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No linkages yet — enrol a resident on the Enrolment page, or search above.</source>
        <translation>紐付けはまだありません。［登録］ページで住民を登録するか、上の欄で検索してください。</translation>
    </message>
    <message>
        <location line="+73" />
        <source>✖ Enter the insurer number, symbol, number and branch, e.g. "33120015 A 123 01".</source>
        <translation>✖ 保険者番号、記号、番号、枝番を入力してください（例:「33120015 A 123 01」）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No linkages found. Enrol the resident on the Enrolment page.</source>
        <translation>紐付けが見つかりません。［登録］ページで住民を登録してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n linkage(s) found.</source>
        <translation>
            <numerusform>%n 件の紐付けが見つかりました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44" />
        <source>End linkage</source>
        <translation>紐付けの終了</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Suspend linkage</source>
        <translation>紐付けの一時停止</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason (recorded in the history):</source>
        <translation>理由（履歴に記録されます）:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>✔ Linkage ended.</source>
        <translation>✔ 紐付けを終了しました。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>✔ Linkage suspended.</source>
        <translation>✔ 紐付けを一時停止しました。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Migrate to the successor card</source>
        <translation>新しいカードへの移行</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Successor card identity (issuer key id:serial, hex):</source>
        <translation>新しいカードの識別子（発行者鍵ID:シリアル番号、16 進数）:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>✖ That is not a card identity (issuer key id:serial in hex).</source>
        <translation>✖ カードの識別子ではありません（発行者鍵ID:シリアル番号を 16 進数で入力してください）。</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>✔ %n linkage(s) migrated to the successor card.</source>
        <translation>
            <numerusform>✔ %n 件の紐付けを新しいカードに移行しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LockScreen</name>
    <message>
        <location filename="../src/gui/LockScreen.cpp" line="+92" />
        <source>⚠ Put your My Number Card on the reader first.</source>
        <translation>⚠ 先にご自身のマイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reading your card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Enter your PIN on the reader's keypad…</source>
        <translation>リーダーのキーパッドで暗証番号を入力してください…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checking your PIN with the card…</source>
        <translation>カードで暗証番号を確認しています…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The session of %1 (%2) is locked. Enter the password to continue, or sign out.</source>
        <translation>%1（%2）のセッションはロック中です。続けるにはパスワードを入力するか、サインアウトしてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sign in with your operator name and password.</source>
        <translation>操作者名とパスワードでサインインしてください。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>TEST — training counter. Operators: %1 (administrator), %2 (municipal staff), %3 (insurer clerk), %4 (auditor). Password for all: %5. Database passphrase: %6. Never use these for real data.</source>
        <translation>テスト — 研修用の窓口です。操作者: %1（管理者）、%2（市区町村職員）、%3（保険者担当者）、%4（監査担当者）。パスワード（共通）: %5。データベースのパスフレーズ: %6。実際のデータには絶対に使用しないでください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+115" />
        <source>&amp;Card</source>
        <translation>カード(&amp;C)</translation>
    </message>
    <message>
        <location line="-69" />
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+71" />
        <source>&amp;Enrolment</source>
        <translation>登録(&amp;E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Linkages</source>
        <translation>紐付け(&amp;L)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Revocations</source>
        <translation>失効(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Audit</source>
        <translation>監査(&amp;A)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;ync</source>
        <translation>同期(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Operators</source>
        <translation>操作者(&amp;O)</translation>
    </message>
    <message>
        <location line="+128" />
        <source>Madoguchi</source>
        <translation>窓口 Madoguchi</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Locked: %1</source>
        <translation>ロック中: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Signed in: %1</source>
        <translation>サインイン中: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nobody signed in</source>
        <translation>サインインしていません</translation>
    </message>
    <message>
        <location line="+3" />
        <source>TEST PKI</source>
        <translation>テスト用 PKI</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Card removed from %1</source>
        <translation>%1 からカードが取り外されました</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Card read from %1</source>
        <translation>%1 のカードを読み取りました</translation>
    </message>
    <message>
        <location line="+11" />
        <source>About Madoguchi</source>
        <translation>Madoguchi について</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;p&gt;&lt;b&gt;Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The counter tool of the JPKI common platform: read My Number Cards, prove the holder, register linkages.&lt;/p&gt;&lt;p&gt;Madoguchi never reads, stores or logs the individual number (My Number).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;窓口 Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;公的個人認証の共通プラットフォームの窓口ツールです。マイナンバーカードを読み取り、本人を確認し、紐付けを登録します。&lt;/p&gt;&lt;p&gt;Madoguchi は個人番号（マイナンバー）を読み取らず、保存せず、記録しません。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::OperatorListModel</name>
    <message>
        <location filename="../src/gui/OperatorListModel.cpp" line="+54" />
        <source>⛔ Disabled</source>
        <translation>⛔ 無効</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⏸ Paused after wrong passwords until %1</source>
        <translation>⏸ パスワードの誤りにより %1 まで停止中</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ Active</source>
        <translation>✔ 有効</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::OperatorsPage</name>
    <message>
        <location filename="../src/gui/OperatorsPage.cpp" line="+78" />
        <source>&amp;Enable</source>
        <translation>有効にする(&amp;E)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✔ Operator %1 added.</source>
        <translation>✔ 操作者 %1 を追加しました。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>✔ Operator %1 disabled.</source>
        <translation>✔ 操作者 %1 を無効にしました。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>✔ Operator %1 enabled.</source>
        <translation>✔ 操作者 %1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+5" />
        <source>Reset password</source>
        <translation>パスワードの再設定</translation>
    </message>
    <message>
        <location line="-5" />
        <source>New password for %1:</source>
        <translation>%1 の新しいパスワード:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The same password again:</source>
        <translation>確認のため、もう一度同じパスワード:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>⚠ The two passwords differ. Nothing was changed.</source>
        <translation>⚠ 2 つのパスワードが一致しません。何も変更していません。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>✔ Password of %1 reset.</source>
        <translation>✔ %1 のパスワードを再設定しました。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Change role</source>
        <translation>役割の変更</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New role for %1:</source>
        <translation>%1 の新しい役割:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>✔ %1 is now: %2.</source>
        <translation>✔ %1 の役割を「%2」に変更しました。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>⚠ Put the operator's My Number Card on the reader first.</source>
        <translation>⚠ 先に操作者のマイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>✔ The card on the reader is now bound to %1. %1 can sign in with it.</source>
        <translation>✔ リーダー上のカードを %1 に紐付けました。%1 はこのカードでサインインできます。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::PlaceholderPage</name>
    <message>
        <location filename="../src/gui/PlaceholderPage.cpp" line="+24" />
        <source>Enrolment</source>
        <translation>登録</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The enrolment wizard is not part of this build yet. Use `madoguchi-cli linkage add` meanwhile.</source>
        <translation>このビルドには登録ウィザードがまだ含まれていません。当面は `madoguchi-cli linkage add` を使用してください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Linkages</source>
        <translation>紐付け</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The linkage search is not part of this build yet. Use `madoguchi-cli linkage find` meanwhile.</source>
        <translation>このビルドには紐付けの検索がまだ含まれていません。当面は `madoguchi-cli linkage find` を使用してください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Revocations</source>
        <translation>失効</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No revocation lists are loaded in this view yet. Use `madoguchi-cli crl` meanwhile.</source>
        <translation>この画面にはまだ失効リストが読み込まれていません。当面は `madoguchi-cli crl` を使用してください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The audit log view is not part of this build yet.</source>
        <translation>このビルドには監査ログの画面がまだ含まれていません。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not connected to a platform yet. This counter works offline; set the platform address in Settings once the terminal is registered.</source>
        <translation>まだプラットフォームに接続していません。この窓口はオフラインで動作しています。端末の登録が済んだら、［設定］でプラットフォームのアドレスを設定してください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not available</source>
        <translation>利用できません</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ReaderListModel</name>
    <message>
        <location filename="../src/gui/ReaderListModel.cpp" line="+30" />
        <source>Card does not respond</source>
        <translation>カードが応答しません</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card in use by another program</source>
        <translation>別のプログラムがカードを使用中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card present</source>
        <translation>カードあり</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No card</source>
        <translation>カードなし</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ReaderPanel</name>
    <message>
        <location filename="../src/gui/ReaderPanel.cpp" line="+38" />
        <source>No reader found. Connect a card reader.</source>
        <translation>リーダーが見つかりません。カードリーダーを接続してください。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ResidentPinDialog</name>
    <message>
        <location filename="../src/gui/ResidentPinDialog.cpp" line="+31" />
        <source>&amp;Confirm PIN</source>
        <translation>暗証番号を確認(&amp;C)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Sign in with your card</source>
        <translation>カードでサインイン</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I know that one wrong PIN blocks my card, and I want to try.</source>
        <translation>1 回間違えるとカードがロックされることを理解したうえで入力します。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Enter the PIN on the reader's keypad after pressing Confirm. The PIN goes to the card only, never to this computer.</source>
        <translation>［確定］を押した後、リーダーのキーパッドで暗証番号を入力してください。暗証番号はカードにだけ送られ、このコンピューターには送られません。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Checking how many tries are left…</source>
        <translation>残り回数を確認しています…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN was already confirmed on this card.</source>
        <translation>このカードの暗証番号は確認済みです。</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <location line="+3" />
        <source>Tries left: %n</source>
        <translation>
            <numerusform>残り回数: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ Only ONE try is left. A wrong PIN now blocks the card; it can then only be reset at the municipal office. Staff must confirm before you type.</source>
        <translation>⚠ 残りは 1 回だけです。ここで間違えると暗証番号がロックされ、市区町村の窓口でしか初期化できなくなります。入力の前に職員の確認が必要です。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No tries are left.</source>
        <translation>残り回数がありません。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ The PIN is blocked. It can be reset at the municipal office with an identity check. Do not try again here.</source>
        <translation>⚠ 暗証番号がロックされています。市区町村の窓口で本人確認のうえ初期化できます。ここでは再入力しないでください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This card has no PIN.</source>
        <translation>このカードには暗証番号がありません。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This is a face-authentication card: it has no PINs. Use the photo check where this office is approved for it.</source>
        <translation>このカードは顔認証マイナンバーカードのため、暗証番号がありません。この窓口が承認されている場合は、顔写真による確認を行ってください。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card could not be checked.</source>
        <translation>カードを確認できませんでした。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsCrlModel</name>
    <message numerus="yes">
        <location filename="../src/gui/RevocationsCrlModel.cpp" line="+19" />
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unspecified / destroyed before delivery (0)</source>
        <translation>未指定／交付前に廃棄（0）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>lost, stolen or key compromised (1)</source>
        <translation>紛失・盗難・鍵の危殆化（1）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CA compromised (2)</source>
        <translation>認証局の危殆化（2）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>recorded facts changed, e.g. moved (3)</source>
        <translation>記録事項の変更（転居など）（3）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>renewed or re-issued (4)</source>
        <translation>更新・再発行（4）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no longer needed (5)</source>
        <translation>不要（5）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>on hold (6)</source>
        <translation>保留（6）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>removed from CRL (8)</source>
        <translation>失効リストから削除（8）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>privilege withdrawn (9)</source>
        <translation>権限の取り消し（9）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>AA compromised (10)</source>
        <translation>属性認証局の危殆化（10）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no reason given</source>
        <translation>理由の記載なし</translation>
    </message>
    <message>
        <location line="+29" />
        <source> (delta)</source>
        <translation>（差分）</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+4" />
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+2" />
        <source>STALE — %1 old</source>
        <translation>期限切れ — %1 経過</translation>
    </message>
    <message>
        <location line="+1" />
        <source>current — %1 old</source>
        <translation>最新 — %1 経過</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CRL number</source>
        <translation>CRL 番号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issued</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next update</source>
        <translation>次回更新</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Entries</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsPage</name>
    <message>
        <location filename="../src/gui/RevocationsPage.cpp" line="+34" />
        <source>OCSP: no responder configured (set it in Settings); CRLs only.</source>
        <translation>OCSP: レスポンダーが設定されていません（［設定］で設定します）。失効リストのみを使用します。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OCSP responder: %1</source>
        <translation>OCSP レスポンダー: %1</translation>
    </message>
    <message>
        <location line="+29" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Entries by reason — %1</source>
        <translation>理由別の件数 — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>✔ CRL imported: %n entries.</source>
        <translation>
            <numerusform>✔ 失効リストを取り込みました: %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source> None of the %n registered card(s) is revoked by it.</source>
        <translation>
            <numerusform> 登録済みのカード %n 枚のうち、この失効リストで失効しているものはありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source> ⚠ %n registered card(s) revoked: their linkages are suspended or ended, migrations queued below.</source>
        <translation>
            <numerusform> ⚠ 登録済みのカード %n 枚が失効しています。紐付けを一時停止または終了し、移行は下の一覧に追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the CRL</source>
        <translation>失効リストの選択</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CRL files (*.crl *.der);;All files (*)</source>
        <translation>失効リストファイル (*.crl *.der);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose the CA certificate that signed it</source>
        <translation>署名した認証局の証明書の選択</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Type the serial in hexadecimal, e.g. 01:2A:FF.</source>
        <translation>✖ シリアル番号は 16 進数で入力してください（例: 01:2A:FF）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>? Unknown: no CRL is loaded, so nothing can be said about this serial.</source>
        <translation>? 不明: 失効リストが読み込まれていないため、このシリアル番号については判断できません。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>from the CRL of %1 issued %2%3</source>
        <translation>%1 が %2 に発行した失効リストによる%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source> — STALE, import a current one</source>
        <translation> — 期限切れです。最新のものを取り込んでください</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ Revoked on %1: %2 (%3).</source>
        <translation>✖ %1 に失効しています: %2（%3）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ Not listed (%1).</source>
        <translation>✔ 掲載されていません（%1）。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Nothing to work through: revocation events that need the counter appear here.</source>
        <translation>処理が必要なものはありません。窓口での対応が必要な失効があると、ここに表示されます。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 migration(s), %2 change(s) of address listed.</source>
        <translation>移行 %1 件、住所変更 %2 件があります。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>✔ Marked done.</source>
        <translation>✔ 処理済みにしました。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsWorkModel</name>
    <message>
        <location filename="../src/gui/RevocationsWorkModel.cpp" line="+49" />
        <source>Migrate to successor</source>
        <translation>新しいカードへ移行</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Renewed, successor not yet known</source>
        <translation>更新済み（新しいカードは未確認）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change of address</source>
        <translation>住所変更</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Done by %1</source>
        <translation>処理済み（%1）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To do</source>
        <translation>未処理</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Work</source>
        <translation>作業</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Revoked at</source>
        <translation>失効日時</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Successor</source>
        <translation>新しいカード</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SettingsPage</name>
    <message>
        <location filename="../src/gui/SettingsPage.cpp" line="+40" />
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Never</source>
        <translation>ロックしない</translation>
    </message>
    <message>
        <location line="+79" />
        <source>Install trust anchor</source>
        <translation>トラストアンカーの追加</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>証明書 (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>✔ %n anchor(s) installed.</source>
        <translation>
            <numerusform>✔ トラストアンカーを %n 件追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>✔ Saved.</source>
        <translation>✔ 保存しました。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SyncConflictModel</name>
    <message>
        <location filename="../src/gui/SyncConflictModel.cpp" line="+32" />
        <source>Linked differently at another counter</source>
        <translation>別の窓口で異なる内容に紐付け済み</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Changed at another counter in the meantime</source>
        <translation>その間に別の窓口で変更済み</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refused by the platform (%1)</source>
        <translation>プラットフォームが拒否（%1）</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Found</source>
        <translation>検出日時</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SyncPage</name>
    <message>
        <location filename="../src/gui/SyncPage.cpp" line="+20" />
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Not configured</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Changes wait to be sent</source>
        <translation>送信待ちの変更があります</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Syncing…</source>
        <translation>同期しています…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Up to date</source>
        <translation>最新です</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Offline — work continues here and is sent at the next sync</source>
        <translation>オフライン — この窓口で作業を続けられます。次回の同期で送信されます</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>(%n conflict(s) to decide)</source>
        <translation>
            <numerusform>（判断待ちの競合 %n 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18" />
        <source>The platform refused this change: %1</source>
        <translation>プラットフォームがこの変更を受け付けませんでした: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version: %1</source>
        <translation>版: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Valid from: %1</source>
        <translation>有効開始日: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>By: %1</source>
        <translation>登録者: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Your role may look at conflicts but not decide them.</source>
        <translation>あなたの役割では競合を閲覧できますが、判断はできません。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Compare both versions with the resident's documents, then choose one. The choice is recorded.</source>
        <translation>両方の版を住民の方の書類と照らし合わせてから、どちらかを選んでください。選択は記録されます。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Connecting to the platform…</source>
        <translation>プラットフォームに接続しています…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 sent, %2 received…</source>
        <translation>送信 %1 件、受信 %2 件…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Done: %1 sent, %2 received, %3 new conflict(s).</source>
        <translation>完了: 送信 %1 件、受信 %2 件、新しい競合 %3 件。</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Kept this counter's version; it is sent at the next sync.</source>
        <translation>この窓口の版を残しました。次回の同期で送信されます。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Took the platform's version; this counter's one is ended.</source>
        <translation>プラットフォームの版を採用しました。この窓口の版は終了しました。</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::TrustAnchorModel</name>
    <message>
        <location filename="../src/gui/TrustAnchorModel.cpp" line="+40" />
        <source>Built in (J-LIS)</source>
        <translation>組み込み（J-LIS）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Installed</source>
        <translation>追加済み</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Training</source>
        <translation>研修用</translation>
    </message>
    <message>
        <location line="+8" />
        <source>⚠ TEST</source>
        <translation>⚠ テスト用</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Production</source>
        <translation>本番用</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Origin</source>
        <translation>入手元</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject</source>
        <translation>サブジェクト</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Key ID</source>
        <translation>鍵ID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/madoguchi/AppOptions.cpp" line="+13" />
        <source>Madoguchi — the JPKI counter tool</source>
        <translation>窓口 Madoguchi — 公的個人認証の窓口ツール</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Use the training reader with demo cards.</source>
        <translation>デモカード付きの研修用リーダーを使う。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Language: ja or en.</source>
        <translation>表示言語: ja または en。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Training: insert this demo card at start.</source>
        <translation>研修: 起動時にこのデモカードを挿入する。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save a screenshot and quit.</source>
        <translation>スクリーンショットを保存して終了する。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Directory for local data.</source>
        <translation>ローカルデータのディレクトリ。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Training: sign in the demo operator of this role without a dialog (municipal_staff, insurer_clerk, auditor, admin).</source>
        <translation>研修: この役割のデモ操作者で、ダイアログを表示せずにサインインする（municipal_staff、insurer_clerk、auditor、admin）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show this page first (1 = Card … 8 = Operators).</source>
        <translation>最初にこのページを表示する（1 = カード … 8 = 操作者）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown role: %1</source>
        <translation>不明な役割: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Unknown page: %1 (use 1-8)</source>
        <translation>不明なページ: %1（1～8 を指定してください）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown language: %1 (use ja or en)</source>
        <translation>不明な言語: %1（ja または en を指定してください）</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/main.cpp" line="+59" />
        <source>Madoguchi cannot start: %1</source>
        <translation>Madoguchi を起動できません: %1</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/CounterStartup.cpp" line="+72" />
        <source>Recovery passphrase of the counter database:</source>
        <translation>窓口データベースの復旧用パスフレーズ:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator passphrase of the counter database:</source>
        <translation>窓口データベースの管理者パスフレーズ:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the counter</source>
        <translation>窓口を開く</translation>
    </message>
</context>
</TS>