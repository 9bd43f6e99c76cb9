<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>AdjustDialog</name>
    <message>
        <source>調整時數</source>
        <translation>Adjust hours</translation>
    </message>
    <message>
        <source>必填，例如：忘記簽退，桌長確認全程在場</source>
        <translation>Required, e.g. forgot to sign out; leader saw them</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>計算時數</source>
        <translation>Calculated hours</translation>
    </message>
    <message>
        <source>核給時數</source>
        <translation>Hours granted</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>分鐘</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>議程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主講人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>計入時數</source>
        <translation>Counts for hours</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>新增…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>編輯…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>尚無場次。</source>
        <translation>No session yet.</translation>
    </message>
    <message>
        <source>刪除段落</source>
        <translation>Delete agenda item</translation>
    </message>
    <message>
        <source>刪除「{title}」？</source>
        <translation>Delete “{title}”?</translation>
    </message>
    <message>
        <source>議程時間連續，沒有重疊或空檔。</source>
        <translation>The agenda is continuous: no overlaps or gaps.</translation>
    </message>
</context>
<context>
    <name>AgendaScreen</name>
    <message>
        <source>議程結束</source>
        <translation>the end of the day</translation>
    </message>
    <message>
        <source>已回到上一段。按錯了？{s} 秒內按 → 可恢復「{title}」及其實際開始時間。</source>
        <translation>Back to the previous block. Pressed by mistake? Press → within {s} seconds to restore “{title}” with its actual start time.</translation>
    </message>
    <message>
        <source>議程編輯</source>
        <translation>Edit agenda</translation>
    </message>
    <message>
        <source>{n} 分鐘</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>計時執行</source>
        <translation>Run timer</translation>
    </message>
    <message>
        <source>議程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>清除訊息</source>
        <translation>Clear message</translation>
    </message>
    <message>
        <source>開始／暫停／繼續</source>
        <translation>Start/pause/resume</translation>
    </message>
    <message>
        <source>{action}（{keys}）</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>下一段</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>上一段</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>延長 1 分鐘</source>
        <translation>Extend by 1 minute</translation>
    </message>
    <message>
        <source>縮短 1 分鐘</source>
        <translation>Shorten by 1 minute</translation>
    </message>
    <message>
        <source>延長 5 分鐘</source>
        <translation>Extend by 5 minutes</translation>
    </message>
    <message>
        <source>縮短 5 分鐘</source>
        <translation>Shorten by 5 minutes</translation>
    </message>
    <message>
        <source>順延後續議程</source>
        <translation>Push back the rest of the agenda</translation>
    </message>
    <message>
        <source>由休息／午餐吸收延誤</source>
        <translation>Absorb the delay in a break/lunch</translation>
    </message>
    <message>
        <source>下一桌報告</source>
        <translation>Next table&apos;s report</translation>
    </message>
    <message>
        <source>上一桌報告</source>
        <translation>Previous table&apos;s report</translation>
    </message>
    <message>
        <source>輸入給講者的訊息</source>
        <translation>Type a message to the speaker</translation>
    </message>
    <message>
        <source>開啟／關閉投影畫面</source>
        <translation>Open/close the projector screen</translation>
    </message>
    <message>
        <source>匯出預定與實際時間…</source>
        <translation>Export planned and actual times…</translation>
    </message>
    <message>
        <source>重設計時（清除實際時間）…</source>
        <translation>Reset timer (clear actual times)…</translation>
    </message>
    <message>
        <source>計時(&amp;T)</source>
        <translation>&amp;Timer</translation>
    </message>
    <message>
        <source>小組報告(&amp;G)</source>
        <translation>&amp;Group reports</translation>
    </message>
    <message>
        <source>投影(&amp;P)</source>
        <translation>&amp;Projector</translation>
    </message>
    <message>
        <source>開始 (Space)</source>
        <translation>Start (Space)</translation>
    </message>
    <message>
        <source>◀ 上一段 (←)</source>
        <translation>◀ Previous (←)</translation>
    </message>
    <message>
        <source>下一段 (→) ▶</source>
        <translation>Next (→) ▶</translation>
    </message>
    <message>
        <source>−5 分</source>
        <translation>−5 min</translation>
    </message>
    <message>
        <source>−1 分 (↓)</source>
        <translation>−1 min (↓)</translation>
    </message>
    <message>
        <source>+1 分 (↑)</source>
        <translation>+1 min (↑)</translation>
    </message>
    <message>
        <source>+5 分</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <source>，另有 {m} 由後續議程順延</source>
        <translation>, and {m} pushed on to the following items</translation>
    </message>
    <message>
        <source>已由「{title}」吸收延誤{extra}。</source>
        <translation>Delay absorbed by “{title}”{extra}.</translation>
    </message>
    <message>
        <source>已順延後續 {n} 個段落。</source>
        <translation>Pushed back the {n} following items.</translation>
    </message>
    <message>
        <source>重設計時</source>
        <translation>Reset timer</translation>
    </message>
    <message>
        <source>清除本場次所有段落的實際開始／結束時間與計時狀態？</source>
        <translation>Clear the actual start/end times and the timer state of every item in this session?</translation>
    </message>
    <message>
        <source>匯出預定與實際時間</source>
        <translation>Export planned and actual times</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>已匯出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>今日議程已結束</source>
        <translation>Today&apos;s agenda is over</translation>
    </message>
    <message>
        <source>各桌報告完畢</source>
        <translation>All tables have reported</translation>
    </message>
    <message>
        <source>{label} 報告中（{n}/{total}）</source>
        <translation>{label} reporting ({n}/{total})</translation>
    </message>
    <message>
        <source>下一段 {start} {title}</source>
        <translation>Next {start} {title}</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>議程段落</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>計入學習時數</source>
        <translation>Counts for learning hours</translation>
    </message>
    <message>
        <source>標題</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>主講人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>說明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>重新偵測</source>
        <translation>Detect again</translation>
    </message>
    <message>
        <source>無法使用攝影機功能：{error}</source>
        <translation>The camera cannot be used: {error}</translation>
    </message>
    <message>
        <source>找不到攝影機。請接上攝影機後按「重新偵測」，或改用條碼掃描器或姓名搜尋。</source>
        <translation>No camera found. Connect one and press “Detect again”, or use a barcode scanner or search by name.</translation>
    </message>
    <message>
        <source>選擇攝影機後按「開始」，將入場證 QR 碼對準鏡頭。</source>
        <translation>Choose a camera, press “Start” and hold the admission pass QR code up to the lens.</translation>
    </message>
    <message>
        <source>攝影機錯誤：{error}</source>
        <translation>Camera error: {error}</translation>
    </message>
    <message>
        <source>掃描中：{name}</source>
        <translation>Scanning: {name}</translation>
    </message>
</context>
<context>
    <name>CertificatePreview</name>
    <message>
        <source>證書預覽</source>
        <translation>Certificate preview</translation>
    </message>
    <message>
        <source>全勤：研習期滿用語</source>
        <translation>Full attendance: completion wording</translation>
    </message>
    <message>
        <source>部分出席：載明時數 {hours} 小時</source>
        <translation>Partial attendance: states {hours} hours</translation>
    </message>
    <message>
        <source>{name}&#x3000;{wording}（預覽不發字號）</source>
        <translation>{name} · {wording} (a preview issues no serial)</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>簽退：掃描入場證即記為離場（游標在任何位置都可以掃）</source>
        <translation>Sign-out: a scanned pass is recorded as leaving (scan with the cursor anywhere)</translation>
    </message>
    <message>
        <source>搜尋：姓名、機關或電話末碼（Enter 簽退）</source>
        <translation>Search: name, agency or last phone digits (Enter signs out)</translation>
    </message>
    <message>
        <source>有 {n} 位符合，請選擇</source>
        <translation>{n} people match: choose one</translation>
    </message>
    <message>
        <source>用 ↓ ↑ 或滑鼠選一位，再按 Enter。</source>
        <translation>Pick one with ↓ ↑ or the mouse, then press Enter.</translation>
    </message>
    <message>
        <source>現場錄取一併取消，報名狀態恢復為：{status}</source>
        <translation>The admission at the desk is undone too; registration status back to: {status}</translation>
    </message>
    <message>
        <source>報到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>簽退</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>現場報名…</source>
        <translation>Walk-in…</translation>
    </message>
    <message>
        <source>作廢紀錄…</source>
        <translation>Void a record…</translation>
    </message>
    <message>
        <source>掃描器測試…</source>
        <translation>Scanner test…</translation>
    </message>
    <message>
        <source>攝影機掃描</source>
        <translation>Camera scan</translation>
    </message>
    <message>
        <source>歡迎畫面</source>
        <translation>Welcome screen</translation>
    </message>
    <message>
        <source>靜音</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>切換到簽退模式</source>
        <translation>Switch to sign-out mode</translation>
    </message>
    <message>
        <source>之後掃描的入場證都會記為「簽退」（離場）。
確定切換到簽退模式？</source>
        <translation>From now on every scanned pass is recorded as a sign-out (leaving).
Switch to sign-out mode?</translation>
    </message>
    <message>
        <source>掃描入場證或搜尋姓名即報到。</source>
        <translation>Scan a pass or search a name to check in.</translation>
    </message>
    <message>
        <source>掃描入場證或搜尋姓名即簽退（離場）。</source>
        <translation>Scan a pass or search a name to sign out (leaving).</translation>
    </message>
    <message>
        <source>報到：掃描入場證（游標在任何位置都可以掃）</source>
        <translation>Check-in: scan a pass (scan with the cursor anywhere)</translation>
    </message>
    <message>
        <source>搜尋：姓名、機關或電話末碼（Enter 報到）</source>
        <translation>Search: name, agency or last digits of phone (Enter checks in)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>房間碼…</source>
        <translation>Room code…</translation>
    </message>
    <message>
        <source>報到紀錄…</source>
        <translation>Check-in log…</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>桌</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>電話末碼</source>
        <translation>Phone end</translation>
    </message>
    <message>
        <source>尚無場次</source>
        <translation>No session yet</translation>
    </message>
    <message>
        <source>請由「檔案」選單開啟活動資料庫。</source>
        <translation>Open an event database from the File menu.</translation>
    </message>
    <message>
        <source>報到模式</source>
        <translation>Check-in mode</translation>
    </message>
    <message>
        <source>簽退模式</source>
        <translation>Sign-out mode</translation>
    </message>
    <message>
        <source>復原這筆</source>
        <translation>Undo this entry</translation>
    </message>
    <message>
        <source>無法復原</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>沒有可復原的紀錄</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <source>本櫃台在這個場次還沒有報到或簽退紀錄。</source>
        <translation>This desk has no check-in or sign-out records in this session yet.</translation>
    </message>
    <message>
        <source>尚未報到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <source>在場</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>已簽退</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>已復原</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>{name} 於 {time} 的{what}已作廢（紀錄保留）
目前狀態：{state}</source>
        <translation>{name}&apos;s {what} at {time} was voided (the record is kept)
Current status: {state}</translation>
    </message>
    <message>
        <source>已報到 {time}</source>
        <translation>Checked in {time}</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>桌</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>電話末碼</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>注意：本場次日期是 {date}，今天是 {today}。請確認上方選的場次；在其他日子報到不會計入時數。</source>
        <translation>Note: this session is on {date} and today is {today}. Check the session chosen above; check-ins on another day do not count for hours.</translation>
    </message>
    <message>
        <source>&lt;b&gt;已報到 {arrived} / 應到 {expected}&lt;/b&gt;（錄取 {admitted}，現場報名 {walk_ins}）&lt;br&gt;在場 {present}&#x3000;已簽退 {out}&#x3000;名額 {capacity}</source>
        <translation>&lt;b&gt;Checked in {arrived} / expected {expected}&lt;/b&gt; (admitted {admitted}, walk-ins {walk_ins})&lt;br&gt;Present {present}  signed out {out}  places {capacity}</translation>
    </message>
    <message>
        <source>{n}桌 {a}/{s}</source>
        <translation>Table {n} {a}/{s}</translation>
    </message>
    <message>
        <source>各桌已到 / 排入：</source>
        <translation>Arrived / seated per table:</translation>
    </message>
    <message>
        <source>&lt;b&gt;尚未報到（{n}）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Not checked in yet ({n})&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>課程欄位與證書設定</source>
        <translation>Course fields and certificate settings</translation>
    </message>
    <message>
        <source>已在入口網站開班時的課程代碼</source>
        <translation>Course code, when the course is already opened on the portal</translation>
    </message>
    <message>
        <source>入口網站的課程類別代碼，例如 345</source>
        <translation>The portal&apos;s course category code, e.g. 345</translation>
    </message>
    <message>
        <source>例如：主任委員 ○○○</source>
        <translation>e.g. Minister ○○○</translation>
    </message>
    <message>
        <source>0.5 小時</source>
        <translation>0.5 hour</translation>
    </message>
    <message>
        <source>1 小時</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>課程名稱</source>
        <translation>Course name</translation>
    </message>
    <message>
        <source>課程代碼</source>
        <translation>Course code</translation>
    </message>
    <message>
        <source>課程類別代碼</source>
        <translation>Course category code</translation>
    </message>
    <message>
        <source>上課縣市</source>
        <translation>City of the course</translation>
    </message>
    <message>
        <source>期別</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>證書字號格式</source>
        <translation>Certificate serial pattern</translation>
    </message>
    <message>
        <source>證書署名</source>
        <translation>Certificate signer</translation>
    </message>
    <message>
        <source>證書結語</source>
        <translation>Certificate closing sentence</translation>
    </message>
    <message>
        <source>用印圖檔</source>
        <translation>Seal image</translation>
    </message>
    <message>
        <source>簽名圖檔</source>
        <translation>Signature image</translation>
    </message>
    <message>
        <source>時數計算單位</source>
        <translation>Hours step</translation>
    </message>
    <message>
        <source>未簽退者</source>
        <translation>No sign-out</translation>
    </message>
    <message>
        <source>未設定；選擇 PNG/JPEG 圖檔</source>
        <translation>Not set; choose a PNG/JPEG image</translation>
    </message>
    <message>
        <source>已存入資料庫（{w}×{h} 像素）；選擇新圖檔以取代</source>
        <translation>Stored in the database ({w}×{h} pixels); choose a new image to replace it</translation>
    </message>
    <message>
        <source>選擇…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>選擇圖檔</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <source>圖片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <source>課程欄位…</source>
        <translation>Course fields…</translation>
    </message>
    <message>
        <source>入口網站的課程欄位、證書字號與用印、時數規則</source>
        <translation>The portal&apos;s course fields, certificate serials and seal, hours rules</translation>
    </message>
    <message>
        <source>已儲存課程欄位與證書設定。</source>
        <translation>Course fields and certificate settings saved.</translation>
    </message>
    <message>
        <source>（請按「課程欄位…」填寫）</source>
        <translation> (fill them in with &quot;Course fields…&quot;)</translation>
    </message>
    <message>
        <source>簽到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>出席紀錄</source>
        <translation>Attendance record</translation>
    </message>
    <message>
        <source>研習證明書</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>名牌</source>
        <translation>Name badges</translation>
    </message>
    <message>
        <source>依機關</source>
        <translation>By agency</translation>
    </message>
    <message>
        <source>依桌號</source>
        <translation>By table</translation>
    </message>
    <message>
        <source>依報名順序</source>
        <translation>By registration order</translation>
    </message>
    <message>
        <source>檢查缺字</source>
        <translation>Check glyphs</translation>
    </message>
    <message>
        <source>產生並開啟 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>列印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存 PDF…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>匯出時數檔 (Big5 CSV)…</source>
        <translation>Export hours file (Big5 CSV)…</translation>
    </message>
    <message>
        <source>預覽證書…</source>
        <translation>Preview certificate…</translation>
    </message>
    <message>
        <source>以表格中選擇的學員（或第一位有時數者）預覽證書，不發字號</source>
        <translation>Preview the certificate of the person selected in the table (or the first with hours); issues no serial</translation>
    </message>
    <message>
        <source>課後問卷…</source>
        <translation>Course questionnaire…</translation>
    </message>
    <message>
        <source>只顯示需複核</source>
        <translation>Only those needing review</translation>
    </message>
    <message>
        <source>調整時數…</source>
        <translation>Adjust hours…</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>桌號</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>簽到</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>簽退</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>時數</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>依據</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>說明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{reasons}（{adjustment}）</source>
        <translation>{reasons} ({adjustment})</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>&lt;b&gt;學習時數複核&lt;/b&gt;</source>
        <translation>&lt;b&gt;Learning hours review&lt;/b&gt;</translation>
    </message>
    <message>
        <source>尚無場次。</source>
        <translation>No session yet.</translation>
    </message>
    <message>
        <source>課程時數 {hours} 小時&#x3000;名單 {people} 人&#x3000;出席 {present} 人&#x3000;全勤 {full} 人&#x3000;需複核 {review} 人</source>
        <translation>Course {hours} h  roster {people}  attended {present}  full attendance {full}  needing review {review}</translation>
    </message>
    <message>
        <source>請先在表格中選擇一位學員。</source>
        <translation>Select an attendee in the table first.</translation>
    </message>
    <message>
        <source>已調整 {name} 的時數為 {hours} 小時。</source>
        <translation>{name}&apos;s hours adjusted to {hours} h.</translation>
    </message>
    <message>
        <source>缺字檢查：所有姓名與機關都能以內嵌字型印出。</source>
        <translation>Character check: every name and agency can be printed with the embedded font.</translation>
    </message>
    <message>
        <source>{text}：缺「{missing}」</source>
        <translation>{text}: missing “{missing}”</translation>
    </message>
    <message>
        <source>（備用字型也沒有，會印成空白框）</source>
        <translation> (not in the fallback font either: prints as an empty box)</translation>
    </message>
    <message>
        <source>（以備用字型印出）</source>
        <translation> (printed with the fallback font)</translation>
    </message>
    <message>
        <source>缺字檢查：</source>
        <translation>Character check: </translation>
    </message>
    <message>
        <source>另存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>正在產生 PDF…</source>
        <translation>Generating PDF…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>產生中…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>已產生 {path}（{people} 人）</source>
        <translation>Generated {path} ({people} people)</translation>
    </message>
    <message>
        <source>無法產生文件：</source>
        <translation>Cannot generate the document:</translation>
    </message>
    <message>
        <source>另存 PDF（原檔正在其他程式中開啟）</source>
        <translation>Save PDF as (the file is open in another program)</translation>
    </message>
    <message>
        <source>已取消，未寫入任何檔案。</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>已送出列印 {pages} 頁。</source>
        <translation>Sent {pages} page(s) to the printer.</translation>
    </message>
    <message>
        <source>完整欄位</source>
        <translation>Full fields</translation>
    </message>
    <message>
        <source>已開課</source>
        <translation>Course opened</translation>
    </message>
    <message>
        <source>完整欄位（完整課程資料，25 欄）</source>
        <translation>Full fields (complete course data, 25 columns)</translation>
    </message>
    <message>
        <source>已開課（已開班課程，17 欄）</source>
        <translation>Course opened (already opened on the portal, 17 columns)</translation>
    </message>
    <message>
        <source>匯出時數檔前，請先填好課程欄位：</source>
        <translation>Before the hours file can be exported, fill in the course fields:</translation>
    </message>
    <message>
        <source>{layout}：{problems}</source>
        <translation>{layout}: {problems}</translation>
    </message>
    <message>
        <source>填寫課程欄位…</source>
        <translation>Fill in course fields…</translation>
    </message>
    <message>
        <source>「{name}」尚缺：{lack}（按「課程欄位…」填寫）</source>
        <translation>“{name}” still lacks: {lack} (fill them with “Course fields…”)</translation>
    </message>
    <message>
        <source>時數檔格式</source>
        <translation>Hours file format</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>主辦單位密語</source>
        <translation>Organiser passphrase</translation>
    </message>
    <message>
        <source>讀取身分證字號需要主辦單位密語：</source>
        <translation>Reading ID numbers needs the organiser passphrase:</translation>
    </message>
    <message>
        <source>匯出時數檔</source>
        <translation>Export hours file</translation>
    </message>
    <message>
        <source>密語不正確。</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <source>無法匯出：</source>
        <translation>Cannot export: </translation>
    </message>
    <message>
        <source>第 {row} 列 {name}：{detail}</source>
        <translation>Row {row} {name}: {detail}</translation>
    </message>
    <message>
        <source>已寫入 {n} 列至 {path}。</source>
        <translation>Wrote {n} rows to {path}.</translation>
    </message>
    <message>
        <source>以下 {n} 列無法寫入，請修正或於入口網站手動輸入：
</source>
        <translation>These {n} rows could not be written; correct them or enter them by hand on the portal:
</translation>
    </message>
    <message>
        <source>時數檔</source>
        <translation>Hours file</translation>
    </message>
</context>
<context>
    <name>GroupReportsScreen</name>
    <message>
        <source>桌長模式…</source>
        <translation>Table leader mode…</translation>
    </message>
    <message>
        <source>投影此桌</source>
        <translation>Project this table</translation>
    </message>
    <message>
        <source>匯出彙整（PDF／Excel）…</source>
        <translation>Export summary (PDF/Excel)…</translation>
    </message>
    <message>
        <source>開放現場連線…</source>
        <translation>Open venue connection…</translation>
    </message>
    <message>
        <source>投票…</source>
        <translation>Vote…</translation>
    </message>
    <message>
        <source>桌次：</source>
        <translation>Table:</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>編輯者</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <source>內容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>還原為此版本</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>&lt;b&gt;版本紀錄&lt;/b&gt;（每分鐘保留一版）</source>
        <translation>&lt;b&gt;Version history&lt;/b&gt; (one version kept per minute)</translation>
    </message>
    <message>
        <source>小組報告</source>
        <translation>Group reports</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>匯出小組討論成果彙整</source>
        <translation>Export group discussion summary</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>已匯出</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>HandoutsDialog</name>
    <message>
        <source>講義</source>
        <translation>Handouts</translation>
    </message>
    <message>
        <source>標題</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>檔名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>新增檔案…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>共 {n} 份，{size}（每檔上限 {file}，每場次上限 {session}）</source>
        <translation>{n} files, {size} (at most {file} per file, {session} per session)</translation>
    </message>
    <message>
        <source>新增講義</source>
        <translation>Add handouts</translation>
    </message>
    <message>
        <source>講義 (*.pdf *.pptx *.docx *.zip)</source>
        <translation>Handouts (*.pdf *.pptx *.docx *.zip)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>匯入報名資料</source>
        <translation>Import registrations</translation>
    </message>
    <message>
        <source>報名表單匯出的 CSV（UTF-8 或 Big5）或 XLSX</source>
        <translation>CSV (UTF-8 or Big5) or XLSX exported from the registration form</translation>
    </message>
    <message>
        <source>選擇檔案…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>依檔案中的「報名場次」</source>
        <translation>As in the file&apos;s “報名場次” (session) column</translation>
    </message>
    <message>
        <source>選填：以身分證字號比對已匯入的人</source>
        <translation>Optional: match people already imported by ID number</translation>
    </message>
    <message>
        <source>匯入後依規則錄取（先來先錄取，名額與每機關上限）</source>
        <translation>Admit by the rules after importing (first come, first admitted, within the places and the per-agency limit)</translation>
    </message>
    <message>
        <source>檔案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>主辦單位密語</source>
        <translation>Organiser passphrase</translation>
    </message>
    <message>
        <source>欄位對應（可修正，下次記住）</source>
        <translation>Column mapping (can be corrected; remembered next time)</translation>
    </message>
    <message>
        <source>請選擇檔案。</source>
        <translation>Choose a file.</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>欄位</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>處理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>問題</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>匯入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>選擇報名資料</source>
        <translation>Choose registration data</translation>
    </message>
    <message>
        <source>報名資料 (*.csv *.xlsx *.txt);;所有檔案 (*)</source>
        <translation>Registration data (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>（不使用）</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>第 {n} 欄</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;（{encoding}）讀取 &lt;b&gt;{read}&lt;/b&gt; 列（空白列 {blank}）：新增 &lt;b&gt;{new}&lt;/b&gt;，更新 &lt;b&gt;{updated}&lt;/b&gt;，不變 {same}，&lt;span style=&apos;color:{alert}&apos;&gt;拒收 &lt;b&gt;{rejected}&lt;/b&gt;&lt;/span&gt;，合併重複 {merged}，待確認 {flagged}，不在此次名單 {missing}{other}&lt;br&gt;{per_session}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; ({encoding}): read &lt;b&gt;{read}&lt;/b&gt; rows ({blank} blank): new &lt;b&gt;{new}&lt;/b&gt;, updated &lt;b&gt;{updated}&lt;/b&gt;, unchanged {same}, &lt;span style=&apos;color:{alert}&apos;&gt;rejected &lt;b&gt;{rejected}&lt;/b&gt;&lt;/span&gt;, duplicates merged {merged}, to check {flagged}, not in this list {missing}{other}&lt;br&gt;{per_session}</translation>
    </message>
    <message>
        <source>，其他場次 {n} 列略過</source>
        <translation>, {n} rows of other sessions skipped</translation>
    </message>
    <message>
        <source>合併</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>與第 {row} 列是同一人，以較新的資料為準，保留第一次報名的順位</source>
        <translation>Same person as row {row}: the newer data is kept, with the queue position of the first registration</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>錄取異動：錄取 {into} 人，移出名額 {out} 人（匯入前會列出請您確認）</source>
        <translation>Status changes: {into} admitted, {out} lose their seat (listed for you to confirm before importing)</translation>
    </message>
    <message>
        <source>名單在預覽後有變動，尚未匯入：請看過新的預覽後再按「匯入」。</source>
        <translation>The roster changed after the preview; nothing was imported. Check the new preview, then press Import again.</translation>
    </message>
    <message>
        <source>無法匯入</source>
        <translation>Cannot import</translation>
    </message>
</context>
<context>
    <name>LeaderMode</name>
    <message>
        <source>進入桌長模式前，請先設定主辦單位 PIN。離開桌長模式時需要輸入這組 PIN，請勿告訴桌長。</source>
        <translation>Before entering table leader mode, set an organiser PIN. It is needed to leave table leader mode, so do not tell it to the table leaders.</translation>
    </message>
</context>
<context>
    <name>LeaderModeWindow</name>
    <message>
        <source>桌長模式 — {session}</source>
        <translation>Table leader mode — {session}</translation>
    </message>
    <message>
        <source>請選擇您的桌次</source>
        <translation>Please choose your table</translation>
    </message>
    <message>
        <source>桌長模式&#x3000;{session}</source>
        <translation>Table leader mode  {session}</translation>
    </message>
    <message>
        <source>離開桌長模式（需主辦單位 PIN）</source>
        <translation>Leave table leader mode (organiser PIN needed)</translation>
    </message>
    <message>
        <source>桌長模式&#x3000;{session}&#x3000;{table}</source>
        <translation>Table leader mode  {session}  {table}</translation>
    </message>
    <message>
        <source>請主辦單位輸入 PIN 以離開桌長模式。</source>
        <translation>Organiser: enter the PIN to leave table leader mode.</translation>
    </message>
    <message>
        <source>PIN 錯誤次數過多，請 {s} 秒後再試。</source>
        <translation>Too many wrong PINs. Try again in {s} seconds.</translation>
    </message>
    <message>
        <source>PIN 不正確，仍在桌長模式</source>
        <translation>Wrong PIN; still in table leader mode</translation>
    </message>
    <message>
        <source>桌長</source>
        <translation>Table leader</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>報到紀錄</source>
        <translation>Check-in log</translation>
    </message>
    <message>
        <source>紀錄</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>共 {n} 筆，其中 {refused} 筆為未受理的掃描（不影響任何人的報到狀態）。</source>
        <translation>{n} records, {refused} of them refused scans (they change nobody&apos;s check-in state).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>正在開啟資料庫…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>場次：</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>資料庫：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>前往「名單」匯入</source>
        <translation>Go to Roster to import</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <source>活動已建立。下一步：由「檔案 → 新增場次…」加入場次，再到「名單」按「匯入報名資料…」匯入報名表單的匯出檔。</source>
        <translation>Event created. Next: add a session with File → New session…, then on Roster press “Import registrations…” to import the registration form&apos;s export.</translation>
    </message>
    <message>
        <source>活動已建立。下一步：到「名單」按「匯入報名資料…」，匯入報名表單的匯出檔（CSV 或 XLSX），再錄取、分桌、印入場證。</source>
        <translation>Event created. Next: on Roster press “Import registrations…” to import the registration form&apos;s export (CSV or XLSX), then admit, seat and print passes.</translation>
    </message>
    <message>
        <source>檔案(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>開啟資料庫…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <source>開啟示範活動</source>
        <translation>Open the demo event</translation>
    </message>
    <message>
        <source>新增場次…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <source>結束</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>檢視(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>說明(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>關於研習報到台</source>
        <translation>About Workshop Desk</translation>
    </message>
    <message>
        <source>現場連線進行中</source>
        <translation>Venue connection running</translation>
    </message>
    <message>
        <source>現場連線仍在進行，目前有 {n} 台裝置連線中。關閉視窗會停止現場連線，桌長的手機將無法再儲存。仍要關閉嗎？</source>
        <translation>The venue connection is still running, with {n} device(s) connected. Closing the window stops it, and table leaders&apos; phones can no longer save. Close anyway?</translation>
    </message>
    <message>
        <source>研習報到台 Workshop Desk {version}
離線運作的研習活動報到與管理工具。</source>
        <translation>Workshop Desk 研習報到台 {version}
Runs a training workshop day, offline: registrations, check-in, tables, agenda and reports.</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>建立新活動</source>
        <translation>Create a new event</translation>
    </message>
    <message>
        <source>例：參與式預算實務應用培訓班</source>
        <translation>e.g. Participatory Budgeting in Practice</translation>
    </message>
    <message>
        <source>例：國家發展委員會</source>
        <translation>e.g. National Development Council</translation>
    </message>
    <message>
        <source>主辦密語用來加密學員的身分證字號，也用來切換到主辦模式（名單、分桌、議程、小組報告、文件）；請妥善保管，遺失後無法復原。至少 {n} 個字元。</source>
        <translation>The organiser passphrase encrypts the attendees&apos; ID numbers and switches to organiser mode (Roster, Tables, Agenda, Group reports, Documents). Keep it safe: it cannot be recovered. At least {n} characters.</translation>
    </message>
    <message>
        <source>活動名稱</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>執行單位（可空白）</source>
        <translation>Executing agency (optional)</translation>
    </message>
    <message>
        <source>主辦密語</source>
        <translation>Organiser passphrase</translation>
    </message>
    <message>
        <source>再次輸入主辦密語</source>
        <translation>Organiser passphrase again</translation>
    </message>
    <message>
        <source>同時建立第一個場次（也可以稍後再新增）</source>
        <translation>Also create the first session (you can add sessions later)</translation>
    </message>
    <message>
        <source>第一個場次</source>
        <translation>First session</translation>
    </message>
    <message>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>新增場次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Organiser</name>
    <message>
        <source>主辦模式</source>
        <translation>Organiser mode</translation>
    </message>
    <message>
        <source>這個活動還沒有設定主辦密語，請先在「檔案」選單設定。</source>
        <translation>This event has no organiser passphrase yet; set one in the File menu first.</translation>
    </message>
    <message>
        <source>請輸入主辦密語以切換為主辦模式：</source>
        <translation>Enter the organiser passphrase to switch to organiser mode:</translation>
    </message>
    <message>
        <source>密語不正確，請再試一次：</source>
        <translation>Wrong passphrase, please try again:</translation>
    </message>
    <message>
        <source>（示範活動的密語是「{hint}」）</source>
        <translation>(the demo event&apos;s passphrase is “{hint}”)</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>議程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主講人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>計入時數</source>
        <translation>Counts for hours</translation>
    </message>
    <message>
        <source>順位</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>桌號</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>桌</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>第 {n} 桌</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <source>未排桌</source>
        <translation>Unseated</translation>
    </message>
    <message>
        <source>各場次報到</source>
        <translation>Check-in by session</translation>
    </message>
    <message>
        <source>本場次各桌</source>
        <translation>This session by table</translation>
    </message>
    <message>
        <source>名單</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>錄取</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>現場報名</source>
        <translation>Walk-ins</translation>
    </message>
    <message>
        <source>已報到</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>在場</source>
        <translation>In room</translation>
    </message>
    <message>
        <source>已簽退</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>總覽</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>尚無場次。請由「檔案」選單新增場次，或開啟示範活動、其他資料庫。</source>
        <translation>No session yet. Add one with File → New session…, or open the demo event or another database from the File menu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;{date} {start}–{end}&lt;br&gt;{place}&lt;br&gt;名額 {capacity}，每機關 {limit} 名&#x3000;·&#x3000;已錄取 {admitted}&#x3000;候補 {waitlisted}&#x3000;已取消 {cancelled}&#x3000;現場報名 {walk_in}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;  {date} {start}–{end}&lt;br&gt;{place}&lt;br&gt;{capacity} places, at most {limit} per agency  ·  admitted {admitted}  waiting list {waitlisted}  cancelled {cancelled}  walk-in {walk_in}</translation>
    </message>
</context>
<context>
    <name>PaperFormDialog</name>
    <message>
        <source>輸入紙本問卷</source>
        <translation>Type a paper form</translation>
    </message>
    <message>
        <source>填寫人：</source>
        <translation>Handed in by:</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>登錄這份問卷</source>
        <translation>Record this form</translation>
    </message>
    <message>
        <source>還沒有人報到，無法登錄問卷。</source>
        <translation>Nobody has checked in yet: no form can be recorded.</translation>
    </message>
    <message>
        <source>已取代這個人先前的回覆。</source>
        <translation>This person&apos;s earlier response was replaced.</translation>
    </message>
    <message>
        <source>已登錄。</source>
        <translation>Recorded.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>〔釘〕</source>
        <translation>[pinned] </translation>
    </message>
    <message>
        <source>（桌長）</source>
        <translation> (table leader)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>{v}（留空不變）</source>
        <translation>{v} (leave blank to keep)</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>葷</source>
        <translation>Non-vegetarian</translation>
    </message>
    <message>
        <source>素</source>
        <translation>Vegetarian</translation>
    </message>
    <message>
        <source>不用餐</source>
        <translation>No meal</translation>
    </message>
    <message>
        <source>需要公務人員終身學習時數</source>
        <translation>Needs civil-service learning hours</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>電子郵件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>聯絡電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身分證字號</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>主辦單位 PIN</source>
        <translation>Organiser PIN</translation>
    </message>
    <message>
        <source>設定主辦單位 PIN</source>
        <translation>Set organiser PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>再輸入一次</source>
        <translation>Enter again</translation>
    </message>
    <message>
        <source>兩次輸入的 PIN 不一樣</source>
        <translation>The two PINs do not match</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>投影計時（F11 全螢幕，Esc 離開全螢幕）</source>
        <translation>Projector timer (F11: full screen, Esc: leave full screen)</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <source>最多 {n} 字</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>{placeholder}（最多 {n} 字）</source>
        <translation>{placeholder} (at most {n} characters)</translation>
    </message>
    <message>
        <source>提案名稱</source>
        <translation>Proposal title</translation>
    </message>
    <message>
        <source>要解決的問題</source>
        <translation>Problem to solve</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>受益對象</source>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <source>例：約 30 萬、300,000</source>
        <translation>e.g. 300k or 300,000</translation>
    </message>
    <message>
        <source>○ 可行&#x3000;△ 待確認&#x3000;× 不可行，或 1–5 分</source>
        <translation>○ feasible  △ to be confirmed  × not feasible, or a score of 1–5</translation>
    </message>
    <message>
        <source>票數</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>刪除此提案</source>
        <translation>Delete this proposal</translation>
    </message>
    <message>
        <source>問題</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>估計經費</source>
        <translation>Estimated cost</translation>
    </message>
    <message>
        <source>可行性</source>
        <translation>Feasibility</translation>
    </message>
    <message>
        <source>提案 {n}</source>
        <translation>Proposal {n}</translation>
    </message>
</context>
<context>
    <name>ReliabilityController</name>
    <message>
        <source>立即備份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>⚠ 自動備份失敗：{error}</source>
        <translation>⚠ Automatic backup failed: {error}</translation>
    </message>
    <message>
        <source>已自動備份 {time} → {path}</source>
        <translation>Backed up automatically at {time} → {path}</translation>
    </message>
    <message>
        <source>已備份到：
{path}</source>
        <translation>Backed up to:
{path}</translation>
    </message>
    <message>
        <source>選擇備份資料夾（例如隨身碟）</source>
        <translation>Choose a backup folder (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>備份資料夾</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>選擇要還原的備份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>研習報到台備份 (*.sqlite3 *.db);;所有檔案 (*)</source>
        <translation>Workshop Desk backups (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>從備份還原</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>要用這個備份取代目前的資料嗎？

{file}
（{time}）

備份之後的報到紀錄與變更將不在還原後的資料中；目前的檔案會另存一份，不會遺失。</source>
        <translation>Replace the current data with this backup?

{file}
({time})

Check-ins and changes made after this backup will not be in the restored data; the current file is kept as a separate copy and is not lost.</translation>
    </message>
    <message>
        <source>注意：這個備份屬於另一個活動「{event}」，還原會取代目前整個活動。</source>
        <translation>Note: this backup holds another event, “{event}”; restoring it replaces the whole current event.</translation>
    </message>
    <message>
        <source>備份資料夾…</source>
        <translation>Backup folder…</translation>
    </message>
    <message>
        <source>從備份還原…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>切換為主辦模式…</source>
        <translation>Switch to organiser mode…</translation>
    </message>
    <message>
        <source>設定／變更主辦密語…</source>
        <translation>Set/change organiser passphrase…</translation>
    </message>
    <message>
        <source>主辦模式（已解鎖）</source>
        <translation>Organiser mode (unlocked)</translation>
    </message>
    <message>
        <source>可編輯、匯出個資、變更設定。按一下鎖定回櫃台模式。</source>
        <translation>Can edit, export personal data and change settings. Click to lock and return to desk mode.</translation>
    </message>
    <message>
        <source>鎖定（回到櫃台模式）</source>
        <translation>Lock (back to desk mode)</translation>
    </message>
    <message>
        <source>櫃台模式</source>
        <translation>Desk mode</translation>
    </message>
    <message>
        <source>報到、查詢、現場報名。按一下輸入主辦密語。</source>
        <translation>Check-in, look-up and walk-ins. Click to enter the organiser passphrase.</translation>
    </message>
    <message>
        <source>再備份一次</source>
        <translation>Back up again</translation>
    </message>
    <message>
        <source>⚠ 備份失敗（{time}）：{error}
資料仍在這台電腦上，但沒有新的備份；請檢查備份資料夾（例如隨身碟是否插著），再按「再備份一次」。</source>
        <translation>⚠ Backup failed ({time}): {error}
The data is still on this computer, but there is no new backup; check the backup folder (is the USB stick plugged in?), then click &quot;Back up again&quot;.</translation>
    </message>
    <message>
        <source>備份失敗：{error}</source>
        <translation>Backup failed: {error}</translation>
    </message>
    <message>
        <source>主辦密語</source>
        <translation>Organiser passphrase</translation>
    </message>
    <message>
        <source>變更主辦密語</source>
        <translation>Change organiser passphrase</translation>
    </message>
    <message>
        <source>目前的主辦密語：</source>
        <translation>Current organiser passphrase:</translation>
    </message>
    <message>
        <source>新的主辦密語（至少 {n} 個字元）：</source>
        <translation>New organiser passphrase (at least {n} characters):</translation>
    </message>
    <message>
        <source>再輸入一次新的主辦密語：</source>
        <translation>Enter the new organiser passphrase again:</translation>
    </message>
    <message>
        <source>{reason}，密語未變更。</source>
        <translation>{reason}; the passphrase is unchanged.</translation>
    </message>
    <message>
        <source>主辦密語已設定。請妥善保存，遺失將無法讀取身分證字號。</source>
        <translation>The organiser passphrase is set. Keep it safe: without it, ID numbers cannot be read.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>加入成員姓名（未排座者）</source>
        <translation>Name (not seated)</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>移除選取</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>依座位與報到重新勾選</source>
        <translation>Re-tick from seating and check-in</translation>
    </message>
    <message>
        <source>本桌討論的題目或問題</source>
        <translation>The topic or question this table discussed</translation>
    </message>
    <message>
        <source>一行一點</source>
        <translation>One point per line</translation>
    </message>
    <message>
        <source>＋ 新增提案</source>
        <translation>+ Add proposal</translation>
    </message>
    <message>
        <source>例：每人 2 票，共融遊具 12 票最高</source>
        <translation>e.g. 2 votes each; inclusive playground got the most, 12 votes</translation>
    </message>
    <message>
        <source>一行一題</source>
        <translation>One question per line</translation>
    </message>
    <message>
        <source>小組報告時，講師給本桌的回饋</source>
        <translation>The speaker&apos;s feedback to this table during the group reports</translation>
    </message>
    <message>
        <source>（無照片）</source>
        <translation>(no photo)</translation>
    </message>
    <message>
        <source>附加海報照片…</source>
        <translation>Attach poster photo…</translation>
    </message>
    <message>
        <source>移除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>&lt;b&gt;出席成員&lt;/b&gt;（勾選＝出席；雙擊可改名）</source>
        <translation>&lt;b&gt;Members present&lt;/b&gt; (ticked = present; double-click to rename)</translation>
    </message>
    <message>
        <source>&lt;b&gt;討論主題&lt;/b&gt;</source>
        <translation>&lt;b&gt;Discussion topic&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;正面觀點（贊成）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Points in favour&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;反面觀點（疑慮）&lt;/b&gt;</source>
        <translation>&lt;b&gt;Points against (concerns)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;提案&lt;/b&gt;</source>
        <translation>&lt;b&gt;Proposals&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;排序或投票結果&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ranking or vote result&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;待釐清問題&lt;/b&gt;</source>
        <translation>&lt;b&gt;Open questions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;講師回饋&lt;/b&gt;</source>
        <translation>&lt;b&gt;Speaker feedback&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;海報照片&lt;/b&gt;</source>
        <translation>&lt;b&gt;Poster photo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{table}（{unit}）</source>
        <translation>{table} ({unit})</translation>
    </message>
    <message>
        <source>上次儲存 {time}</source>
        <translation>Last saved {time}</translation>
    </message>
    <message>
        <source>尚未填寫；輸入的內容會自動儲存</source>
        <translation>Not filled in yet; what you type is saved automatically</translation>
    </message>
    <message>
        <source>刪除提案</source>
        <translation>Delete proposal</translation>
    </message>
    <message>
        <source>確定刪除「{t}」？（舊版本仍可在版本紀錄找回）</source>
        <translation>Delete “{t}”? (Older versions can still be recovered from the version history.)</translation>
    </message>
    <message>
        <source>編輯中…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>尚未儲存！{error}（稍後自動重試）</source>
        <translation>Not saved! {error} (retrying automatically shortly)</translation>
    </message>
    <message>
        <source>已儲存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;另一個裝置同時修改了下列欄位&lt;/b&gt;，目前保留的是對方的版本；要改用您的版本請按按鈕：</source>
        <translation>&lt;b&gt;Another device changed these fields at the same time&lt;/b&gt;; their version is kept for now. To use yours, press the button:</translation>
    </message>
    <message>
        <source>{field}「{title}」：另一個裝置刪除了它，已保留您修改的版本</source>
        <translation>{field} “{title}”: another device deleted it; your edited version was kept</translation>
    </message>
    <message>
        <source>{field}「{title}」：您刪除了它，但另一個裝置修改過，已保留對方的版本</source>
        <translation>{field} “{title}”: you deleted it, but another device edited it; their version was kept</translation>
    </message>
    <message>
        <source>刪除此提案</source>
        <translation>Delete this proposal</translation>
    </message>
    <message>
        <source>{field}&#x3000;您的：「{mine}」&#x3000;對方的：「{theirs}」</source>
        <translation>{field} · yours: “{mine}” · theirs: “{theirs}”</translation>
    </message>
    <message>
        <source>改用我的</source>
        <translation>Use mine</translation>
    </message>
    <message>
        <source>都保留對方的</source>
        <translation>Keep theirs for all</translation>
    </message>
    <message>
        <source>選擇海報照片</source>
        <translation>Choose a poster photo</translation>
    </message>
    <message>
        <source>圖片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;所有檔案 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;All files (*)</translation>
    </message>
    <message>
        <source>無法附加照片</source>
        <translation>Cannot attach the photo</translation>
    </message>
</context>
<context>
    <name>ReportProjector</name>
    <message>
        <source>小組報告投影</source>
        <translation>Group reports projector</translation>
    </message>
    <message>
        <source>報告時間剩 {minutes}:{seconds:02d}</source>
        <translation>Report time left {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <source>報告順序：</source>
        <translation>Reporting order: </translation>
    </message>
    <message>
        <source>請選擇桌次</source>
        <translation>Please choose a table</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>以現場報名錄取並報到</source>
        <translation>Admit as walk-in and check in</translation>
    </message>
    <message>
        <source>復原這筆 (Ctrl+Z)</source>
        <translation>Undo this entry (Ctrl+Z)</translation>
    </message>
    <message>
        <source>請掃描入場證</source>
        <translation>Please scan an admission pass</translation>
    </message>
    <message>
        <source>掃描器可直接掃；找不到入場證時，在下方的搜尋欄輸入姓名、機關或電話末碼。</source>
        <translation>Scan with the scanner; without a pass, type a name, agency or the last digits of a phone in the search box below.</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>票數</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>紅線：預算 {b}（依票數累加經費）</source>
        <translation>Red line: budget {b} (costs added up in order of votes)</translation>
    </message>
    <message>
        <source>票數優先法</source>
        <translation>Greedy</translation>
    </message>
    <message>
        <source>平等份額法</source>
        <translation>Equal Shares</translation>
    </message>
</context>
<context>
    <name>RoomAddressPicker</name>
    <message>
        <source>重新偵測</source>
        <translation>Detect again</translation>
    </message>
    <message>
        <source>剛連上 Wi-Fi？重新列出這台電腦的網路位址</source>
        <translation>Just joined the Wi-Fi? List this computer&apos;s network addresses again</translation>
    </message>
    <message>
        <source>（沒有手機連得到的位址）</source>
        <translation>(no address phones can reach)</translation>
    </message>
    <message>
        <source>（網路卡名稱不明）</source>
        <translation>(adapter name unknown)</translation>
    </message>
    <message>
        <source>{address}&#x3000;{adapter}（VPN／虛擬網路卡）</source>
        <translation>{address}  {adapter} (VPN / virtual adapter)</translation>
    </message>
    <message>
        <source>這台電腦目前沒有手機連得到的網路位址（127.0.0.1 只有這台電腦自己能開）：請先把這台電腦連上場地的 Wi-Fi，再按「重新偵測」。</source>
        <translation>This computer has no address phones can reach (127.0.0.1 opens only on this computer): connect it to the venue Wi-Fi first, then press Detect again.</translation>
    </message>
    <message>
        <source>「{address}」不是 IP 位址（例如 192.168.1.20）。</source>
        <translation>“{address}” is not an IP address (e.g. 192.168.1.20).</translation>
    </message>
    <message>
        <source>{address} 只有這台電腦自己連得到，手機無法使用：請選場地 Wi-Fi 的位址。</source>
        <translation>{address} can be reached only from this computer, not from phones: choose the venue Wi-Fi&apos;s address.</translation>
    </message>
    <message>
        <source>{address} 是網路卡沒有取得位址時的自動位址（169.254），手機無法使用：請確認已連上場地的 Wi-Fi，再按「重新偵測」。</source>
        <translation>{address} is the automatic address of an adapter that got none from a network (169.254), which phones cannot use: make sure the venue Wi-Fi is connected, then press Detect again.</translation>
    </message>
    <message>
        <source>{address} 不是手機能開啟的位址：請選場地 Wi-Fi 的位址。</source>
        <translation>{address} is not an address a phone can open: choose the venue Wi-Fi&apos;s address.</translation>
    </message>
    <message>
        <source>注意：{address} 屬於 VPN 或虛擬網路卡，場地 Wi-Fi 上的手機多半連不到；請改選 Wi-Fi 的位址，除非您確定手機在這個網路上。</source>
        <translation>Note: {address} belongs to a VPN or virtual adapter, which phones on the venue Wi-Fi usually cannot reach; choose the Wi-Fi&apos;s address unless you are sure the phones are on this network.</translation>
    </message>
</context>
<context>
    <name>RoomCodeDialog</name>
    <message>
        <source>房間碼</source>
        <translation>Room code</translation>
    </message>
    <message>
        <source>請與會者用手機開啟投影幕上的網址，輸入這組房間碼登入。更換後，舊的房間碼與用它登入的裝置立即失效。</source>
        <translation>Ask the attendee to open the address on the projector on their phone and sign in with this room code. After a replacement the old code, and every device signed in with it, stops working at once.</translation>
    </message>
    <message>
        <source>更換房間碼…</source>
        <translation>Replace room code…</translation>
    </message>
    <message>
        <source>列印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>{name}（報名編號 {id}）</source>
        <translation>{name} (registration {id})</translation>
    </message>
    <message>
        <source>更換房間碼</source>
        <translation>Replace room code</translation>
    </message>
    <message>
        <source>舊的房間碼將立即失效，用它登入的裝置也要重新登入。要更換嗎？</source>
        <translation>The old room code stops working at once and devices signed in with it must sign in again. Replace it?</translation>
    </message>
    <message>
        <source>手機開啟投影幕上的網址（…/me），輸入房間碼登入。</source>
        <translation>Open the address on the projector (…/me) on your phone and sign in with the room code.</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <source>搜尋：姓名、機關、電子郵件、電話末三碼以上（台/臺皆可）</source>
        <translation>Search: name, agency, e-mail, last 3+ digits of phone (台/臺 both match)</translation>
    </message>
    <message>
        <source>全部狀態</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>不在最新匯入</source>
        <translation>Not in latest import</translation>
    </message>
    <message>
        <source>時數資格待補</source>
        <translation>Hours details pending</translation>
    </message>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>順位</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>電子郵件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>身分證字號</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>時數</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>桌號</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>匯入報名資料…</source>
        <translation>Import registrations…</translation>
    </message>
    <message>
        <source>匯入報名表單匯出的 CSV 或 XLSX，先預覽再寫入</source>
        <translation>Import the CSV or XLSX exported from the registration form; preview before saving</translation>
    </message>
    <message>
        <source>依規則錄取…</source>
        <translation>Admit by rules…</translation>
    </message>
    <message>
        <source>空出的名額依報名先後遞補（名額與每機關上限內）；已錄取、已報到者不會被移出。先列出異動再確認</source>
        <translation>Fill free places in registration order (within the places and the per-agency limit); nobody admitted or checked in is moved out. Lists the changes for you to confirm first</translation>
    </message>
    <message>
        <source>名單在確認後有變動，其餘場次未寫入：請再按一次「依規則錄取」。</source>
        <translation>The roster changed after you confirmed; the remaining sessions were not written. Press Admit by rules again.</translation>
    </message>
    <message>
        <source>依規則錄取</source>
        <translation>Admit by rules</translation>
    </message>
    <message>
        <source>新增現場報名…</source>
        <translation>Add walk-in…</translation>
    </message>
    <message>
        <source>匯出上課名單…</source>
        <translation>Export class roster…</translation>
    </message>
    <message>
        <source>PDF 或 XLSX，不含身分證字號與電話</source>
        <translation>PDF or XLSX, without ID numbers or phone numbers</translation>
    </message>
    <message>
        <source>顯示個資…</source>
        <translation>Show personal data…</translation>
    </message>
    <message>
        <source>編輯…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>錄取（附理由）…</source>
        <translation>Admit (with reason)…</translation>
    </message>
    <message>
        <source>改場次…</source>
        <translation>Change session…</translation>
    </message>
    <message>
        <source>取消報名…</source>
        <translation>Cancel registration…</translation>
    </message>
    <message>
        <source>選取的人：</source>
        <translation>Selected:</translation>
    </message>
    <message>
        <source>名單</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>全部場次</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <source>／名額 {n}</source>
        <translation>/{n} places</translation>
    </message>
    <message>
        <source>顯示 {shown} / {total} 人&#x3000;·&#x3000;已錄取 {admitted}{capacity}&#x3000;候補 {waitlisted}&#x3000;現場 {walk_in}&#x3000;取消 {cancelled}</source>
        <translation>Showing {shown} / {total}  ·  admitted {admitted}{capacity}  waitlisted {waitlisted}  walk-in {walk_in}  cancelled {cancelled}</translation>
    </message>
    <message>
        <source>（不在最新匯入）</source>
        <translation> (not in latest import)</translation>
    </message>
    <message>
        <source>是（證號待補）</source>
        <translation>Yes (ID number missing)</translation>
    </message>
    <message>
        <source>{mask}（有誤）</source>
        <translation>{mask} (invalid)</translation>
    </message>
    <message>
        <source>隱藏個資</source>
        <translation>Hide personal data</translation>
    </message>
    <message>
        <source>顯示個資</source>
        <translation>Show personal data</translation>
    </message>
    <message>
        <source>請主辦單位輸入密語，以顯示完整電話、電子郵件與身分證字號：</source>
        <translation>Organiser passphrase, to show full phone numbers, e-mails and ID numbers:</translation>
    </message>
    <message>
        <source>{session}：錄取 {admitted}/{capacity}，候補 {waitlisted}，異動 {changed} 人（因機關上限 {limit} 名而候補 {over} 人）</source>
        <translation>{session}: admitted {admitted}/{capacity}, waitlisted {waitlisted}, {changed} changed ({over} waitlisted by the limit of {limit} per agency)</translation>
    </message>
    <message>
        <source>⚠ 名額已滿：已錄取與現場報名共 {taken} 人，名額 {capacity}。錄取後將超過名額 {over} 人。</source>
        <translation>⚠ Session full: {taken} admitted and walk-ins for {capacity} places. Admitting goes {over} over the capacity.</translation>
    </message>
    <message>
        <source>錄取（附理由）</source>
        <translation>Admit (with reason)</translation>
    </message>
    <message>
        <source>錄取 {name}（{agency}）的理由：</source>
        <translation>Reason for admitting {name} ({agency}):</translation>
    </message>
    <message>
        <source>取消報名</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <source>取消 {name} 的報名。原因（可空白）：</source>
        <translation>Cancel {name}&apos;s registration. Reason (optional):</translation>
    </message>
    <message>
        <source>候補遞補：{names}</source>
        <translation>Moved up from the waiting list: {names}</translation>
    </message>
    <message>
        <source>改場次</source>
        <translation>Change session</translation>
    </message>
    <message>
        <source>把 {name} 改到：</source>
        <translation>Move {name} to:</translation>
    </message>
    <message>
        <source>主辦單位改場次</source>
        <translation>Session changed by the organiser</translation>
    </message>
    <message>
        <source>編輯報名資料</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <source>新增現場報名</source>
        <translation>Add walk-in</translation>
    </message>
    <message>
        <source>已新增。目前 {taken} 人，超過名額 {capacity}。</source>
        <translation>Added. Now {taken} people, more than the {capacity} places.</translation>
    </message>
    <message>
        <source>匯出上課名單</source>
        <translation>Export class roster</translation>
    </message>
    <message>
        <source>上課名單</source>
        <translation>class-roster</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel 活頁簿 (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已寫入 {path}（{n} 人）</source>
        <translation>Wrote {path} ({n} people)</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>進度落後</source>
        <translation>Running late</translation>
    </message>
    <message>
        <source>小組報告順序</source>
        <translation>Group report order</translation>
    </message>
    <message>
        <source> 秒/桌</source>
        <translation> s/table</translation>
    </message>
    <message>
        <source>給講者的訊息（顯示在投影幕），Enter 送出</source>
        <translation>Message to the speaker (on the projector); Enter sends</translation>
    </message>
    <message>
        <source>清除訊息</source>
        <translation>Clear message</translation>
    </message>
    <message>
        <source>預定</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>實際</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>議程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>投影</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source> 分鐘</source>
        <translation> min</translation>
    </message>
    <message>
        <source>提示音</source>
        <translation>Chime</translation>
    </message>
    <message>
        <source>螢幕</source>
        <translation>Screen</translation>
    </message>
    <message>
        <source>黃燈（剩餘）</source>
        <translation>Yellow at (remaining)</translation>
    </message>
    <message>
        <source>紅燈（剩餘）</source>
        <translation>Red at (remaining)</translation>
    </message>
    <message>
        <source>順延後續議程 (Ctrl+Shift+S)</source>
        <translation>Push back the rest (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>由休息／午餐吸收 (Ctrl+Shift+A)</source>
        <translation>Absorb in break/lunch (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>◀ 上一桌 ([)</source>
        <translation>◀ Previous table ([)</translation>
    </message>
    <message>
        <source>下一桌 (]) ▶</source>
        <translation>Next table (]) ▶</translation>
    </message>
    <message>
        <source>提前</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>延後</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>關閉投影畫面 (F5)</source>
        <translation>Close projector screen (F5)</translation>
    </message>
    <message>
        <source>開啟投影畫面 (F5)</source>
        <translation>Open projector screen (F5)</translation>
    </message>
    <message>
        <source>沒有議程。請先在「議程編輯」新增段落。</source>
        <translation>No agenda. Add items under “Edit agenda” first.</translation>
    </message>
    <message>
        <source>尚未開始&#x3000;按 Space 從選取的段落開始；←/→ 選擇段落</source>
        <translation>Not started.  Press Space to start from the selected item; ←/→ selects an item</translation>
    </message>
    <message>
        <source>開始 (Space)</source>
        <translation>Start (Space)</translation>
    </message>
    <message>
        <source>預定 {start}–{end}</source>
        <translation>Planned {start}–{end}</translation>
    </message>
    <message>
        <source>已結束於 {at}&#x3000;（← 可回到最後一段）</source>
        <translation>Ended at {at}  (← goes back to the last item)</translation>
    </message>
    <message>
        <source>已結束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>暫停中（Space 繼續）</source>
        <translation>Paused (Space resumes)</translation>
    </message>
    <message>
        <source>進行中（Space 暫停）</source>
        <translation>Running (Space pauses)</translation>
    </message>
    <message>
        <source>繼續 (Space)</source>
        <translation>Resume (Space)</translation>
    </message>
    <message>
        <source>暫停 (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>，已調整 {sign}{m} 分</source>
        <translation>, adjusted {sign}{m} min</translation>
    </message>
    <message>
        <source>{kind}&#x3000;{speaker}&#x3000;預定 {start}–{end}&#x3000;實際開始 {actual}{extra}</source>
        <translation>{kind}  {speaker}  planned {start}–{end}  started {actual}{extra}</translation>
    </message>
    <message>
        <source>下一段：{start} {title}</source>
        <translation>Next: {start} {title}</translation>
    </message>
    <message>
        <source>落後 {m}</source>
        <translation>Behind by {m}</translation>
    </message>
    <message>
        <source>超前 {m}</source>
        <translation>Ahead by {m}</translation>
    </message>
    <message>
        <source>準時</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>全日進度：{pace}&#x3000;預計 {end} 結束</source>
        <translation>Day: {pace}  expected to end at {end}</translation>
    </message>
    <message>
        <source>目前段落將超時，下一段會晚 {m} 開始（預計全日 {end} 結束）。要順延後續議程，或由下一個休息／午餐吸收？</source>
        <translation>The current item will overrun: the next one will start {m} late (the day is expected to end at {end}). Push back the rest of the agenda, or absorb the delay in the next break/lunch?</translation>
    </message>
</context>
<context>
    <name>ScannerTestDialog</name>
    <message>
        <source>掃描器測試</source>
        <translation>Scanner test</translation>
    </message>
    <message>
        <source>用掃描器掃上方的測試碼（或印出的入場證）</source>
        <translation>Scan the test code above or a printed pass</translation>
    </message>
    <message>
        <source>等待掃描…</source>
        <translation>Waiting for a scan…</translation>
    </message>
    <message>
        <source>測試碼：{code}</source>
        <translation>Test code: {code}</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>沒有結尾字元（以逾時判斷）</source>
        <translation>No end character (detected by timeout)</translation>
    </message>
    <message>
        <source>收到 {n} 個字元：{text}</source>
        <translation>Received {n} characters: {text}</translation>
    </message>
    <message>
        <source>結尾：{ending}</source>
        <translation>Ending: {ending}</translation>
    </message>
    <message>
        <source>速度：平均每字 {mean} ms，最慢 {top} ms（每秒 {cps} 字）</source>
        <translation>Speed: {mean} ms per character on average, slowest {top} ms ({cps} characters/s)</translation>
    </message>
    <message>
        <source>✔ 內容正確</source>
        <translation>✔ Content is correct</translation>
    </message>
    <message>
        <source>✔ 這是本活動的入場證，內容完整正確</source>
        <translation>✔ A pass of this event, read whole and correct</translation>
    </message>
    <message>
        <source>⚠ 大小寫不同（大寫鎖定？）：報到時會自動轉大寫，仍可使用</source>
        <translation>⚠ Letter case differs (Caps Lock?): check-in converts to upper case, so it still works</translation>
    </message>
    <message>
        <source>✘ 內容與測試碼不同：請檢查掃描器的鍵盤配置或輸入法</source>
        <translation>✘ Content differs from the test code: check the scanner&apos;s keyboard layout or the input method</translation>
    </message>
    <message>
        <source>✔ 速度像掃描器，可自動辨識</source>
        <translation>✔ Speed looks like a scanner: scans are recognised automatically</translation>
    </message>
    <message>
        <source>⚠ 速度像手動輸入：掃描器太慢時，請把游標放在掃描欄再掃</source>
        <translation>⚠ Speed looks like typing: with a scanner this slow, put the cursor in the scan field before scanning</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>例：臺北場次</source>
        <translation>e.g. Taipei session</translation>
    </message>
    <message>
        <source>例：國發會 707 會議室</source>
        <translation>e.g. NDC, room 707</translation>
    </message>
    <message>
        <source>場次名稱</source>
        <translation>Session name</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>上課時間</source>
        <translation>Class time</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>每機關上限</source>
        <translation>Limit per agency</translation>
    </message>
</context>
<context>
    <name>StatusChangesDialog</name>
    <message>
        <source>確認錄取異動</source>
        <translation>Confirm admission changes</translation>
    </message>
    <message>
        <source>以下 {n} 人的錄取狀態會改變：移出名額 &lt;b&gt;{out}&lt;/b&gt; 人，錄取 &lt;b&gt;{into}&lt;/b&gt; 人。按「確認寫入」才會寫入；已報到的人不會被改變。</source>
        <translation>The status of these {n} people will change: &lt;b&gt;{out}&lt;/b&gt; lose their seat, &lt;b&gt;{into}&lt;/b&gt; are admitted. Nothing is saved until you press Confirm and save; people who have checked in are never changed.</translation>
    </message>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>原狀態</source>
        <translation>Status before</translation>
    </message>
    <message>
        <source>新狀態</source>
        <translation>Status after</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>確認寫入</source>
        <translation>Confirm and save</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>課後問卷</source>
        <translation>Course questionnaire</translation>
    </message>
    <message>
        <source>新題目的文字</source>
        <translation>Text of the new item</translation>
    </message>
    <message>
        <source>五點量表</source>
        <translation>5-point scale</translation>
    </message>
    <message>
        <source>開放題</source>
        <translation>Open question</translation>
    </message>
    <message>
        <source>新增題目</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>移除所選題目</source>
        <translation>Remove selected item</translation>
    </message>
    <message>
        <source>修改所選題目</source>
        <translation>Rename selected item</translation>
    </message>
    <message>
        <source>新增或修改題目時的文字</source>
        <translation>The text for a new item, or the new text of the selected one</translation>
    </message>
    <message>
        <source>開放作答</source>
        <translation>Open for answers</translation>
    </message>
    <message>
        <source>結束問卷</source>
        <translation>Close questionnaire</translation>
    </message>
    <message>
        <source>輸入紙本問卷…</source>
        <translation>Type a paper form…</translation>
    </message>
    <message>
        <source>投影結果</source>
        <translation>Project results</translation>
    </message>
    <message>
        <source>結果檔（結訓文件）</source>
        <translation>Results file (closing papers)</translation>
    </message>
    <message>
        <source>全部場次並列</source>
        <translation>All sessions side by side</translation>
    </message>
    <message>
        <source>匯出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>匯出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>尚未開放（標準範本）</source>
        <translation>Not open yet (standard template)</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>作答中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已結束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>{status}&#x3000;回覆 {r}／已報到 {c}</source>
        <translation>{status}   responses {r} / checked in {c}</translation>
    </message>
    <message>
        <source>量表</source>
        <translation>scale</translation>
    </message>
    <message>
        <source>結束後不能再填寫，誰填了哪一份的紀錄會被清除。確定結束？</source>
        <translation>After closing nobody can answer, and the record of who gave which response is erased. Close it?</translation>
    </message>
    <message>
        <source>已匯出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
</context>
<context>
    <name>SurveyProjector</name>
    <message>
        <source>課後問卷結果</source>
        <translation>Course questionnaire results</translation>
    </message>
    <message>
        <source>回收 {r} 份／報到 {c} 人（{p}）</source>
        <translation>{r} responses / {c} checked in ({p})</translation>
    </message>
    <message>
        <source>課後問卷結果&#x3000;{rate}</source>
        <translation>Course questionnaire results   {rate}</translation>
    </message>
</context>
<context>
    <name>TableCardDelegate</name>
    <message>
        <source>…另 {n} 人</source>
        <translation>… {n} more</translation>
    </message>
</context>
<context>
    <name>TablesModel</name>
    <message>
        <source>第 {n} 桌&#x3000;{size}/{cap} 人</source>
        <translation>Table {n}  {size}/{cap} people</translation>
    </message>
    <message>
        <source>{n} 個機關</source>
        <translation>{n} agencies</translation>
    </message>
    <message>
        <source>⚠ 同機關：{names}</source>
        <translation>⚠ Same agency: {names}</translation>
    </message>
    <message>
        <source>⚠ 超過容量</source>
        <translation>⚠ Over capacity</translation>
    </message>
</context>
<context>
    <name>TablesScreen</name>
    <message>
        <source>自動分桌</source>
        <translation>Assign tables</translation>
    </message>
    <message>
        <source>套用範本</source>
        <translation>Apply template</translation>
    </message>
    <message>
        <source>報到時分桌</source>
        <translation>Seat at check-in</translation>
    </message>
    <message>
        <source>開啟後，報到時才依已到場者安排桌次</source>
        <translation>When on, tables are assigned at check-in among the people who have arrived</translation>
    </message>
    <message>
        <source>釘選／取消釘選</source>
        <translation>Pin/unpin</translation>
    </message>
    <message>
        <source>復原</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>列印桌牌</source>
        <translation>Print table tent cards</translation>
    </message>
    <message>
        <source>各桌名單</source>
        <translation>Table lists</translation>
    </message>
    <message>
        <source>分桌總覽</source>
        <translation>Seating overview</translation>
    </message>
    <message>
        <source>桌 ×</source>
        <translation>tables ×</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>移到所選桌</source>
        <translation>Move to chosen table</translation>
    </message>
    <message>
        <source>把選取的人移到左邊選取的那一桌</source>
        <translation>Move the chosen person to the table chosen on the left</translation>
    </message>
    <message>
        <source>移出</source>
        <translation>Unseat</translation>
    </message>
    <message>
        <source>取消選取的人的座位</source>
        <translation>Take the chosen person&apos;s seat away</translation>
    </message>
    <message>
        <source>設為桌長</source>
        <translation>Make table leader</translation>
    </message>
    <message>
        <source>選取的人擔任左邊選取那一桌的桌長，並坐在該桌</source>
        <translation>The chosen person leads the table chosen on the left and sits there</translation>
    </message>
    <message>
        <source>分桌</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>尚無場次。</source>
        <translation>No session yet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;未分桌&lt;/b&gt;&#x3000;{n} 人</source>
        <translation>&lt;b&gt;Not seated&lt;/b&gt;  {n} people</translation>
    </message>
    <message>
        <source>{tables} 桌，已分桌 {seated} 人，未分桌 {unseated} 人</source>
        <translation>{tables} tables, {seated} seated, {unseated} not seated</translation>
    </message>
    <message>
        <source>，每桌 {low}–{high} 人</source>
        <translation>, {low}–{high} per table</translation>
    </message>
    <message>
        <source>&lt;br&gt;✓ 各桌人數平均，沒有同機關同桌</source>
        <translation>&lt;br&gt;✓ Tables are balanced; nobody shares a table with someone from the same agency</translation>
    </message>
    <message>
        <source>移動 {name}</source>
        <translation>Move {name}</translation>
    </message>
    <message>
        <source>請先選取一個人和一桌</source>
        <translation>Choose a person and a table first</translation>
    </message>
    <message>
        <source>設定桌長</source>
        <translation>Set table leader</translation>
    </message>
    <message>
        <source>請先選取一位已分桌的人</source>
        <translation>Select a seated person first</translation>
    </message>
    <message>
        <source>釘選 {name}</source>
        <translation>Pin {name}</translation>
    </message>
    <message>
        <source>取消釘選 {name}</source>
        <translation>Unpin {name}</translation>
    </message>
    <message>
        <source>桌牌</source>
        <translation>Table tent cards</translation>
    </message>
    <message>
        <source>已儲存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>VenuePanel</name>
    <message>
        <source>開放現場連線 — {session}</source>
        <translation>Venue connection — {session}</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>投影首頁 QR</source>
        <translation>Project the home page QR</translation>
    </message>
    <message>
        <source>講義…</source>
        <translation>Handouts…</translation>
    </message>
    <message>
        <source>這台電腦在場地網路的位址：</source>
        <translation>This computer&apos;s address on the venue network:</translation>
    </message>
    <message>
        <source>連接埠</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>手機連不上？</source>
        <translation>Phones cannot connect?</translation>
    </message>
    <message>
        <source>桌次</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>連線裝置</source>
        <translation>Devices connected</translation>
    </message>
    <message>
        <source>上次儲存</source>
        <translation>Last save</translation>
    </message>
    <message>
        <source>已填欄位</source>
        <translation>Fields filled</translation>
    </message>
    <message>
        <source>顯示桌長 QR</source>
        <translation>Show the leader QR</translation>
    </message>
    <message>
        <source>撤銷此桌連線碼…</source>
        <translation>Revoke this table&apos;s code…</translation>
    </message>
    <message>
        <source>裝置</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>位址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>連線中</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>離線</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>撤銷此裝置</source>
        <translation>Revoke this device</translation>
    </message>
    <message>
        <source>無法開放現場連線</source>
        <translation>Cannot open the venue connection</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>（尚未開放）</source>
        <translation>(not open)</translation>
    </message>
    <message>
        <source>開始後，與會者用手機掃描這裡（或投影幕上）的 QR 即可開啟首頁；各桌桌長掃描自己那一桌的桌長 QR 才能填寫報告。</source>
        <translation>Once started, attendees scan the QR here (or on the projector) to open the home page; each table leader scans their own table&apos;s leader QR to fill in the report.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;{address}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;現場連線中（一般 HTTP，只在場地網路內使用）。選一桌後按「顯示桌長 QR」，讓該桌桌長用手機掃描。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;{address}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Venue connection open (plain HTTP, for the venue network only). Choose a table and press “Show the leader QR” for that table&apos;s leader to scan with a phone.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;第{number}桌 桌長 QR&lt;/b&gt;&lt;/p&gt;&lt;p&gt;請該桌桌長用手機相機掃描左邊的 QR。這個 QR 可以填寫第{number}桌的報告，只給該桌桌長看；掃描後請點選其他桌次或按「投影首頁 QR」把它收起來。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:16pt&apos;&gt;&lt;b&gt;Table {number} leader QR&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The table&apos;s leader scans the QR on the left with a phone camera. This QR can edit table {number}&apos;s report: show it to that leader only, and afterwards choose another table or press “Project the home page QR” to hide it.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>手機連不上時：
1. 手機和這台電腦要連同一個 Wi-Fi（不是手機的行動網路）。
2. Windows 第一次開始時會跳出「Windows 安全性警訊」（Defender 防火牆）：勾選「私人網路」並按「允許存取」。按了「取消」會封鎖連線。允許需要系統管理員權限。
3. 場地 Wi-Fi 要設為「私人網路」：Windows 設定 → 網路和網際網路 → Wi-Fi → 這個網路的內容 → 網路設定檔類型選「私人」。設為「公用」時，防火牆通常會擋下手機。
4. 沒有管理員權限時請資訊人員：為本程式新增一條輸入規則，允許 TCP 連接埠 {port}；或以系統管理員身分執行安裝程式的防火牆工作。
5. 有些場地 Wi-Fi 不讓裝置互連（用戶端隔離）：請場地人員關閉，或改用自己的無線基地台。</source>
        <translation>If phones cannot connect:
1. The phones and this computer must be on the same Wi-Fi (not the phones&apos; mobile data).
2. The first time it starts, Windows shows a “Windows Security Alert” (Defender Firewall): tick “Private networks” and click “Allow access”. Clicking “Cancel” blocks connections. Allowing needs administrator rights.
3. The venue Wi-Fi must be a Private network: Windows Settings → Network &amp; internet → Wi-Fi → this network&apos;s properties → Network profile type: Private. On a Public network the firewall usually blocks the phones.
4. Without administrator rights, ask IT for an inbound rule for this program allowing TCP port {port}, or to run the installer&apos;s firewall task as administrator.
5. Some venue Wi-Fi keeps devices apart (client isolation): ask the venue staff to turn it off, or use your own wireless access point.</translation>
    </message>
    <message>
        <source>開始已超過一分鐘，還沒有任何手機連上。請用手機掃描 QR 試試看；打不開時請看「手機連不上？」的說明（多半是 Windows 防火牆）。</source>
        <translation>More than a minute since starting, and no phone has connected yet. Try scanning the QR with a phone; if the page does not open, see “Phones cannot connect?” (usually the Windows firewall).</translation>
    </message>
    <message>
        <source>與會者已登入：{n} 人</source>
        <translation>Attendees signed in: {n}</translation>
    </message>
    <message>
        <source>撤銷連線碼</source>
        <translation>Revoke the code</translation>
    </message>
    <message>
        <source>撤銷第{number}桌的連線碼？這一桌所有已連線的裝置都會失去填寫權限，桌長需要重新掃描新的桌長 QR。</source>
        <translation>Revoke table {number}&apos;s code? Every device connected to this table loses write access; the leader must scan the new leader QR.</translation>
    </message>
    <message>
        <source>現場連線</source>
        <translation>Venue connection</translation>
    </message>
    <message>
        <source>用手機相機掃描，或在瀏覽器輸入 {address}</source>
        <translation>Scan with a phone camera, or type {address} in a browser</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>作廢報到紀錄</source>
        <translation>Void a check-in record</translation>
    </message>
    <message>
        <source>動作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>報到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>簽退</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>作廢原因（必填），例如：刷錯人、重複刷卡</source>
        <translation>Reason for voiding (required), e.g. wrong person scanned, scanned twice</translation>
    </message>
    <message>
        <source>作廢</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>紀錄不會被刪除：作廢會新增一筆作廢紀錄並註明原因。</source>
        <translation>Nothing is deleted: voiding adds a void record that states the reason.</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>參與式預算投票</source>
        <translation>Participatory budgeting vote</translation>
    </message>
    <message>
        <source>編號</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>提案</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>桌次</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>經費</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>納入</source>
        <translation>On ballot</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>不納入</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>從小組報告建立投票單</source>
        <translation>Build ballot from group reports</translation>
    </message>
    <message>
        <source>修改名稱／經費…</source>
        <translation>Edit title / cost…</translation>
    </message>
    <message>
        <source>合併兩項…</source>
        <translation>Merge two…</translation>
    </message>
    <message>
        <source>納入／不納入</source>
        <translation>Include / leave out</translation>
    </message>
    <message>
        <source>預算籃（合計不超過預算）</source>
        <translation>Budget basket (total within budget)</translation>
    </message>
    <message>
        <source>勾選制</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>投票方式：</source>
        <translation>Method:</translation>
    </message>
    <message>
        <source>預算（NT$）：</source>
        <translation>Budget (NT$):</translation>
    </message>
    <message>
        <source>勾選制最多選：</source>
        <translation>Approval: at most</translation>
    </message>
    <message>
        <source>開始投票</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <source>結束投票並計票</source>
        <translation>Close and count</translation>
    </message>
    <message>
        <source>投影</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>開新一輪投票…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <source>紙本選票</source>
        <translation>Paper ballot</translation>
    </message>
    <message>
        <source>提案編號，以空白分隔，例如 1 3 5</source>
        <translation>Proposal numbers separated by spaces, e.g. 1 3 5</translation>
    </message>
    <message>
        <source>登錄紙本票</source>
        <translation>Enter paper ballot</translation>
    </message>
    <message>
        <source>投票人：</source>
        <translation>Voter:</translation>
    </message>
    <message>
        <source>贊成：</source>
        <translation>Approves:</translation>
    </message>
    <message>
        <source>手機投票受限的人</source>
        <translation>People the phone vote no longer takes</translation>
    </message>
    <message>
        <source>收回「投票人」的手機投票</source>
        <translation>Revoke the voter&apos;s phone vote</translation>
    </message>
    <message>
        <source>只能投紙本票（已收回或已登錄紙本票）</source>
        <translation>paper ballot only (pass revoked or paper ballot typed)</translation>
    </message>
    <message>
        <source>尚未建立投票單</source>
        <translation>No ballot yet</translation>
    </message>
    <message>
        <source>投票單草稿</source>
        <translation>Draft ballot</translation>
    </message>
    <message>
        <source>投票中</source>
        <translation>Voting open</translation>
    </message>
    <message>
        <source>已結束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>{status}&#x3000;已投票 {b}／已報到 {c}</source>
        <translation>{status} · {b} ballots / {c} checked in</translation>
    </message>
    <message>
        <source>&#x3000;票數優先法：{g}&#x3000;平等份額法：{e}</source>
        <translation>  Greedy (most votes first): {g}  Method of Equal Shares: {e}</translation>
    </message>
    <message>
        <source>未列入投票單：</source>
        <translation>Not on the ballot:</translation>
    </message>
    <message>
        <source>第 {n} 輪（已結束，結果保留）：{b} 張票&#x3000;貪婪法：{g}&#x3000;均分法：{e}</source>
        <translation>Round {n} (closed, results kept): {b} ballots   Greedy: {g}   Equal shares: {e}</translation>
    </message>
    <message>
        <source>{table}「{title}」：{reason}</source>
        <translation>{table} &quot;{title}&quot;: {reason}</translation>
    </message>
    <message>
        <source>（無名稱）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>這些提案未列入投票單：
{lines}</source>
        <translation>These proposals are not on the ballot:
{lines}</translation>
    </message>
    <message>
        <source>提案名稱：</source>
        <translation>Proposal title:</translation>
    </message>
    <message>
        <source>經費（NT$）：</source>
        <translation>Cost (NT$):</translation>
    </message>
    <message>
        <source>請選兩項相近的提案（按住 Ctrl 點選）再合併。</source>
        <translation>Select two similar proposals (Ctrl+click) to merge them.</translation>
    </message>
    <message>
        <source>這些提案的經費超過總預算 NT$ {budget}，放不進任何預算籃，手機上會顯示為不能選：
{lines}

仍要開始投票？</source>
        <translation>These proposals cost more than the whole budget of NT$ {budget}; no basket can hold them, and the phones show them as not choosable:
{lines}

Open the vote anyway?</translation>
    </message>
    <message>
        <source>結束投票後不能再投，誰投了哪一張的紀錄會被清除。確定結束？</source>
        <translation>After closing nobody can vote, and the record of who cast which ballot is erased. Close the vote?</translation>
    </message>
    <message>
        <source>開新一輪投票：這一輪的結果與 .pb 匯出會保留；新一輪從同一張投票單開始（可再修改），每個人都要重新投票。確定開新一輪？</source>
        <translation>New round: this round&apos;s results and its .pb export are kept; the new round starts from the same ballot (editable again), and everyone votes again. Start a new round?</translation>
    </message>
    <message>
        <source>收回 {name} 的手機投票：他的手機不能再投，請他在報到台投紙本票（紙本票登錄後就是最後的，手機不能取代）。確定？</source>
        <translation>Revoke the phone vote of {name}: their phone can no longer vote; they vote on paper at the desk (a paper ballot, once typed, is final: no phone ballot replaces it). Continue?</translation>
    </message>
    <message>
        <source>請只輸入提案編號（數字），以空白分隔。</source>
        <translation>Enter proposal numbers only, separated by spaces.</translation>
    </message>
    <message>
        <source>未計入：{m}</source>
        <translation>Not counted: {m}</translation>
    </message>
</context>
<context>
    <name>VoteProjector</name>
    <message>
        <source>投票投影</source>
        <translation>Vote projector</translation>
    </message>
    <message>
        <source>參與式預算投票結果（{n} 票）</source>
        <translation>Participatory budgeting results ({n} ballots)</translation>
    </message>
    <message>
        <source>票數優先法</source>
        <translation>Greedy (most votes first)</translation>
    </message>
    <message>
        <source>平等份額法</source>
        <translation>Method of Equal Shares</translation>
    </message>
    <message>
        <source>（無）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rule}&lt;/b&gt;：{names}&#x3000;合計 {spent}／預算 {budget}</source>
        <translation>&lt;b&gt;{rule}&lt;/b&gt;: {names} · total {spent} / budget {budget}</translation>
    </message>
    <message>
        <source>參與式預算投票：請用手機掃描 QR</source>
        <translation>Participatory budgeting vote: scan the QR with your phone</translation>
    </message>
    <message>
        <source>參與式預算投票尚未開始</source>
        <translation>The participatory budgeting vote has not opened yet</translation>
    </message>
    <message>
        <source>已投票 {b}／已報到 {c}</source>
        <translation>{b} ballots / {c} checked in</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>確定照此加入請再按一次「加入並報到」（之後由主辦單位補正）。</source>
        <translation> To add the person as typed, press &quot;Add and check in&quot; again (the organiser corrects it later).</translation>
    </message>
    <message>
        <source>需要時數須填身分證字號，否則無法登錄時數。</source>
        <translation>Learning hours need the ID number; without it no hours can be reported.</translation>
    </message>
    <message>
        <source>身分證字號格式不對（1 個英文字母加 9 碼），請再核對。</source>
        <translation>The ID number has the wrong format (1 letter and 9 characters); please check it.</translation>
    </message>
    <message>
        <source>身分證字號檢查碼不符，可能打錯一碼，請再核對。</source>
        <translation>The ID number&apos;s check digit does not match; one character may be mistyped. Please check it.</translation>
    </message>
    <message>
        <source>現場報名</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>需要公務人員終身學習時數</source>
        <translation>Needs civil-service learning hours</translation>
    </message>
    <message>
        <source>需要時數才填</source>
        <translation>Only needed for learning hours</translation>
    </message>
    <message>
        <source>不用餐</source>
        <translation>No meal</translation>
    </message>
    <message>
        <source>葷</source>
        <translation>Non-vegetarian</translation>
    </message>
    <message>
        <source>素</source>
        <translation>Vegetarian</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>聯絡電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身分證字號</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>加入並報到</source>
        <translation>Add and check in</translation>
    </message>
    <message>
        <source>⚠ 名額已滿：已錄取與現場報名共 {taken} 人，名額 {capacity}。加入後將超過名額 {over} 人。</source>
        <translation>⚠ Full: {taken} admitted and walk-ins for {capacity} places. Adding this person goes {over} over the places.</translation>
    </message>
    <message>
        <source>名額：已用 {taken} / {capacity}</source>
        <translation>Places: {taken} / {capacity} taken</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>{app} — 開始使用</source>
        <translation>{app} — Getting started</translation>
    </message>
    <message>
        <source>歡迎使用研習報到台</source>
        <translation>Welcome to Workshop Desk</translation>
    </message>
    <message>
        <source>這台電腦還沒有活動資料。請選擇要怎麼開始：</source>
        <translation>There is no event on this computer yet. How would you like to start?</translation>
    </message>
    <message>
        <source>開啟示範活動</source>
        <translation>Open the demo event</translation>
    </message>
    <message>
        <source>參與式預算實務應用培訓班（臺北、臺南、臺中三個場次），可放心練習操作。</source>
        <translation>Participatory Budgeting in Practice (three sessions: Taipei, Tainan, Taichung) — safe to practise on.</translation>
    </message>
    <message>
        <source>建立新活動</source>
        <translation>Create a new event</translation>
    </message>
    <message>
        <source>輸入活動名稱、主辦單位與主辦密語，並可同時建立第一個場次。</source>
        <translation>Enter the event&apos;s name, organiser and organiser passphrase, and optionally its first session.</translation>
    </message>
    <message>
        <source>開啟既有的資料庫檔案</source>
        <translation>Open an existing database file</translation>
    </message>
    <message>
        <source>開啟其他電腦或先前建立的研習報到台資料庫（.sqlite3）。</source>
        <translation>Open a Workshop Desk database (.sqlite3) from another computer or made earlier.</translation>
    </message>
    <message>
        <source>新活動的資料庫將存放於：{path}</source>
        <translation>A new event&apos;s database is kept in: {path}</translation>
    </message>
    <message>
        <source>無法建立資料庫</source>
        <translation>Cannot create the database</translation>
    </message>
</context>
<context>
    <name>checkin</name>
    <message>
        <source>這不是研習報到台的入場證，請改用姓名搜尋。</source>
        <translation>This is not a Workshop Desk pass; please search by name instead.</translation>
    </message>
    <message>
        <source>歡迎畫面</source>
        <translation>Welcome screen</translation>
    </message>
    <message>
        <source>歡迎光臨</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>歡迎 {name}</source>
        <translation>Welcome, {name}</translation>
    </message>
    <message>
        <source> · 第 {n} 桌</source>
        <translation> · Table {n}</translation>
    </message>
    <message>
        <source>{who}
簽退時間 {time}</source>
        <translation>{who}
Signed out at {time}</translation>
    </message>
    <message>
        <source>第 {n} 桌</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <source>未排桌</source>
        <translation>No table assigned</translation>
    </message>
    <message>
        <source>餐食：{lunch}</source>
        <translation>Lunch: {lunch}</translation>
    </message>
    <message>
        <source>不用餐</source>
        <translation>No lunch</translation>
    </message>
    <message>
        <source>請核對持證人的身分後，改用姓名搜尋。</source>
        <translation>Check the holder&apos;s identity, then search by name.</translation>
    </message>
    <message>
        <source>（重複送出，未重複登記）</source>
        <translation> (sent twice, recorded once)</translation>
    </message>
    <message>
        <source>{who}
已於 {time} 在 {desk} 報到</source>
        <translation>{who}
Checked in at {time} at {desk}</translation>
    </message>
    <message>
        <source>（未記錄櫃台）</source>
        <translation>(desk not recorded)</translation>
    </message>
    <message>
        <source>{who}
已於 {time} 簽退</source>
        <translation>{who}
Signed out at {time}</translation>
    </message>
    <message>
        <source>{who}
沒有報到紀錄，無法簽退</source>
        <translation>{who}
No check-in on record, cannot sign out</translation>
    </message>
    <message>
        <source>名額已滿，請洽主辦單位。</source>
        <translation>The session is full; please ask the organiser.</translation>
    </message>
    <message>
        <source>目前尚有 {n} 個空位，可按下方按鈕以現場報名錄取並報到。</source>
        <translation>{n} seat(s) free: press the button below to admit as a walk-in and check in.</translation>
    </message>
    <message>
        <source>未錄取：{status}</source>
        <translation>Not admitted: {status}</translation>
    </message>
    <message>
        <source>{who}
報名場次：{session} {date}</source>
        <translation>{who}
Registered for: {session} {date}</translation>
    </message>
    <message>
        <source>這張 QR 碼屬於其他活動，請改用姓名搜尋。</source>
        <translation>This QR code belongs to another event; please search by name instead.</translation>
    </message>
    <message>
        <source>掃描器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>攝影機</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>手動輸入</source>
        <translation>Typed</translation>
    </message>
    <message>
        <source>搜尋</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>未到名單</source>
        <translation>Not-arrived list</translation>
    </message>
    <message>
        <source>現場錄取</source>
        <translation>Admitted at the desk</translation>
    </message>
    <message>
        <source>作廢</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>命令列</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>命令列搜尋</source>
        <translation>Command-line search</translation>
    </message>
    <message>
        <source>未受理：{why}</source>
        <translation>Refused: {why}</translation>
    </message>
    <message>
        <source>作廢 #{id}：{reason}</source>
        <translation>Void of #{id}: {reason}</translation>
    </message>
    <message>
        <source>報到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>簽退</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>（已作廢）</source>
        <translation> (voided)</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>櫃台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>第 {n} 桌</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <source>{table}&#x3000;桌長 {leader}</source>
        <translation>{table} · leader {leader}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>公共性</source>
        <translation>Public benefit</translation>
    </message>
    <message>
        <source>適法性</source>
        <translation>Legality</translation>
    </message>
    <message>
        <source>預算可行性</source>
        <translation>Budget feasibility</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>桌長 {name}</source>
        <translation>Table leader {name}</translation>
    </message>
    <message>
        <source>{text}（{detail}）</source>
        <translation>{text} ({detail})</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>無法還原</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>資料庫使用中</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <source>資料庫已損毀</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>資料庫檔案已損毀：
{database}
（{problem}）

最新的完好備份：
{backup}

要從這個備份還原嗎？損毀的檔案會另存一份。</source>
        <translation>The database file is damaged:
{database}
({problem})

Newest good backup:
{backup}

Restore this backup? A copy of the damaged file is kept.</translation>
    </message>
    <message>
        <source>無法開啟資料庫</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>發生未預期的錯誤</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程式發生未預期的錯誤，已記錄於：
{log_file}

{summary}

已儲存的資料不受影響；若畫面異常，請重新啟動程式。</source>
        <translation>An unexpected error occurred. It was recorded in:
{log_file}

{summary}

Saved data is not affected; if the window looks wrong, restart the program.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>資料庫中沒有任何場次</source>
        <translation>This database has no sessions</translation>
    </message>
    <message>
        <source>請指定場次（可選：{choices}）</source>
        <translation>Choose a session (one of: {choices})</translation>
    </message>
    <message>
        <source>找不到場次「{name}」（可選：{choices}）</source>
        <translation>No session “{name}” (choose one of: {choices})</translation>
    </message>
    <message>
        <source>場次「{name}」不只一個符合（{choices}）</source>
        <translation>More than one session matches “{name}” ({choices})</translation>
    </message>
    <message>
        <source>這個資料庫已有活動，請用 --db 指定新檔案：{path}</source>
        <translation>This database already holds an event; give --db a new file: {path}</translation>
    </message>
    <message>
        <source>投票已開始或已結束，投票單不能再改</source>
        <translation>The vote has started or ended: the ballot can no longer change</translation>
    </message>
    <message>
        <source>投票已經開始</source>
        <translation>The vote is already open</translation>
    </message>
    <message>
        <source>投票尚未開始或已經結束</source>
        <translation>The vote is not open (not started yet, or ended)</translation>
    </message>
    <message>
        <source>投票結束後才能匯出結果</source>
        <translation>Close the vote before exporting its result</translation>
    </message>
    <message>
        <source>提案名稱不可空白</source>
        <translation>A proposal needs a title</translation>
    </message>
    <message>
        <source>已收到您的選票（再投一次會取代這一張）</source>
        <translation>Your ballot is in (voting again replaces it)</translation>
    </message>
    <message>
        <source>已更新您的選票（取代先前那一張）</source>
        <translation>Your ballot is updated (it replaces the earlier one)</translation>
    </message>
    <message>
        <source>您尚未報到，不能投票；請先到報到台報到。</source>
        <translation>You have not checked in and cannot vote; please check in at the desk first.</translation>
    </message>
    <message>
        <source>所選提案合計 NT$ {total:,}，超過預算 NT$ {budget:,}；請拿掉一些提案再送出。</source>
        <translation>The chosen proposals total NT$ {total:,}, over the budget of NT$ {budget:,}; remove some and send again.</translation>
    </message>
    <message>
        <source>最多只能選 {most} 個提案，您選了 {chosen} 個。</source>
        <translation>Choose at most {most} proposals; you chose {chosen}.</translation>
    </message>
    <message>
        <source>投票已經結束，選票沒有被計入。</source>
        <translation>The vote has ended; the ballot was not counted.</translation>
    </message>
    <message>
        <source>選票上有不在這次投票中的提案（編號 {ids}），請重新整理頁面後再選。</source>
        <translation>The ballot has proposals that are not in this vote (numbers {ids}); reload the page and choose again.</translation>
    </message>
    <message>
        <source>請至少選一個提案再送出。</source>
        <translation>Choose at least one proposal before sending.</translation>
    </message>
    <message>
        <source>這張選票是舊的（已在別處送出或重送）；請重新整理頁面，確認後再送出。</source>
        <translation>This ballot is out of date (sent elsewhere or sent twice); reload the page, check it and send again.</translation>
    </message>
    <message>
        <source>投票單上沒有編號 {id} 的提案</source>
        <translation>The ballot has no proposal number {id}</translation>
    </message>
    <message>
        <source>經費要大於 0</source>
        <translation>The cost must be more than 0</translation>
    </message>
    <message>
        <source>請選兩個不同的提案合併</source>
        <translation>Choose two different proposals to merge</translation>
    </message>
    <message>
        <source>沒有提案名稱</source>
        <translation>No proposal title</translation>
    </message>
    <message>
        <source>沒有填經費</source>
        <translation>No cost given</translation>
    </message>
    <message>
        <source>預算要大於 0</source>
        <translation>The budget must be more than 0</translation>
    </message>
    <message>
        <source>投票單上沒有提案：請先在小組報告填寫提案與經費</source>
        <translation>The ballot has no proposals: enter proposals with their cost in the group reports first</translation>
    </message>
    <message>
        <source>最多可選幾項只用於 approval（勾選）投票</source>
        <translation>A maximum number of choices applies to approval voting only</translation>
    </message>
    <message>
        <source>最多可選的數量至少是 1</source>
        <translation>The maximum number of choices must be at least 1</translation>
    </message>
    <message>
        <source>{n} 人的錄取狀態會改變，尚未確認，未寫入</source>
        <translation>The admission status of {n} people would change; not confirmed, nothing written</translation>
    </message>
    <message>
        <source>無法用 {backup} 還原 {path}（{detail}）；目前的資料未變更</source>
        <translation>Could not restore {path} from {backup} ({detail}); the current data is unchanged</translation>
    </message>
    <message>
        <source>{file}：{part} 已損毀</source>
        <translation>{file}: {part} is damaged</translation>
    </message>
    <message>
        <source>{file}：{part} 超過 {limit} 個儲存格</source>
        <translation>{file}: {part} has more than {limit} cells</translation>
    </message>
    <message>
        <source>{file}：{part} 超過 {limit} 個共用字串</source>
        <translation>{file}: {part} has more than {limit} shared strings</translation>
    </message>
    <message>
        <source>{file}：{part} 超過 {limit} 個 XML 元素</source>
        <translation>{file}: {part} has more than {limit} XML elements</translation>
    </message>
    <message>
        <source>{file}：超過 {limit} 列，不是報名資料</source>
        <translation>{file}: more than {limit} rows; not a registration export</translation>
    </message>
    <message>
        <source>{file}：第 {row} 列超過 {limit} 欄，不是報名資料</source>
        <translation>{file}: row {row} has more than {limit} columns; not a registration export</translation>
    </message>
    <message>
        <source>{file}：共 {count} 列資料，超過上限 {limit} 列</source>
        <translation>{file}: {count} rows of data, over the limit of {limit}</translation>
    </message>
    <message>
        <source>{file}：活頁簿裡沒有工作表</source>
        <translation>{file}: the workbook has no worksheet</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀：缺少檔案內的部分 {detail}</source>
        <translation>{file}: damaged XLSX: a part is missing ({detail})</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀：XML 格式錯誤 {detail}</source>
        <translation>{file}: damaged XLSX: bad XML ({detail})</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀：儲存格指向不存在的共用字串</source>
        <translation>{file}: damaged XLSX: a cell points to a shared string that does not exist</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀：儲存格的值無法讀取</source>
        <translation>{file}: damaged XLSX: a cell&apos;s value cannot be read</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀：壓縮內容損毀</source>
        <translation>{file}: damaged XLSX: the zip content is damaged</translation>
    </message>
    <message>
        <source>{file}：XLSX 內容損毀，無法讀取（{detail}）</source>
        <translation>{file}: damaged XLSX, cannot be read ({detail})</translation>
    </message>
    <message>
        <source>{file}：只有標題列，沒有任何報名資料</source>
        <translation>{file}: only a header row, no registrations</translation>
    </message>
    <message>
        <source>{file}：檔案沒有「報名場次」欄，請指定場次（可選：{names}）</source>
        <translation>{file}: the file has no session column; choose a session (one of: {names})</translation>
    </message>
    <message>
        <source>{reason}；未匯入任何資料</source>
        <translation>{reason}; nothing was imported</translation>
    </message>
    <message>
        <source>無法辨識身分證字號，此欄不匯入</source>
        <translation>No ID number recognised; the cell is not imported</translation>
    </message>
    <message>
        <source>無法辨識身分證字號，此欄不匯入：需要時數但尚不符資格</source>
        <translation>No ID number recognised; the cell is not imported: wants hours but does not qualify yet</translation>
    </message>
    <message>
        <source>{session}已有 {n} 段議程；先清除再匯入</source>
        <translation>{session} already has {n} agenda blocks; remove them before importing</translation>
    </message>
    <message>
        <source>證書文字無法使用：未知欄位或括號不成對；可用 {fields}</source>
        <translation>The certificate wording cannot be used: an unknown field or an unmatched brace; available: {fields}</translation>
    </message>
    <message>
        <source>備用字型無法使用：{detail}</source>
        <translation>The fallback font cannot be used: {detail}</translation>
    </message>
    <message>
        <source>{session}名單上沒有人（已錄取或現場報名），未產生文件</source>
        <translation>{session}: nobody on the roster (admitted or walk-in); no document was made</translation>
    </message>
    <message>
        <source>{session}沒有人可發研習證明書：還沒有人簽到；未產生任何檔案</source>
        <translation>{session}: no certificates: nobody has signed in yet; no file was written</translation>
    </message>
    <message>
        <source>{session}沒有人可發研習證明書：出席 {n} 人都沒有核給時數；未產生任何檔案</source>
        <translation>{session}: no certificates: none of the {n} people present was credited hours; no file was written</translation>
    </message>
    <message>
        <source>報到台已收回這個名字的手機投票（或已登錄紙本票）；如有疑問請洽報到台。</source>
        <translation>The desk has revoked the phone vote for this name (or typed a paper ballot); ask at the desk if in doubt.</translation>
    </message>
    <message>
        <source>投票已經結束，不能再開；要重新投票請開新一輪</source>
        <translation>The vote has ended and cannot be opened again; to vote again, start a new round</translation>
    </message>
    <message>
        <source>另一個程式正在讀取資料庫（例如另一個視窗、報表或備份），現在結束投票無法從檔案中抹除誰投了哪一張；投票仍在進行中。請關閉其他程式或等它完成後，再結束一次。</source>
        <translation>Another program is reading the database (another window, a report or a backup), so closing now could not erase from the file who cast which ballot; the vote is still open. Close the other program or let it finish, then close the vote again.</translation>
    </message>
    <message>
        <source>投票已結束並已計票，但另一個程式正在讀取資料庫，檔案中還留有誰投了哪一張的痕跡；請關閉其他程式後再按一次「結束投票」（只會完成抹除，不會改變結果）。</source>
        <translation>The vote is closed and counted, but another program is reading the database and the file still holds traces of who cast which ballot; close the other program and press Close vote again (it only finishes the erasure and does not change the results).</translation>
    </message>
    <message>
        <source>這一輪投票還沒結束，結束後才能開新一輪</source>
        <translation>This round of the vote is not closed yet; a new round can start only after it closes</translation>
    </message>
    <message>
        <source>每一個提案的經費都超過預算 NT$ {budget:,}，沒有人能投票；請提高預算或修改經費後再開始。</source>
        <translation>Every proposal costs more than the budget of NT$ {budget:,}: nobody could vote. Raise the budget or change the costs, then open the vote.</translation>
    </message>
    <message>
        <source>這個場次沒有報名序號 {registration_id} 的人</source>
        <translation>No one in this session has registration id {registration_id}</translation>
    </message>
    <message>
        <source>報到成功</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>已報到過</source>
        <translation>Already checked in</translation>
    </message>
    <message>
        <source>已簽退過</source>
        <translation>Already signed out</translation>
    </message>
    <message>
        <source>尚未報到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <source>未錄取（候補或已取消）</source>
        <translation>Not admitted (waiting list or cancelled)</translation>
    </message>
    <message>
        <source>報名的是其他場次</source>
        <translation>Registered for another session</translation>
    </message>
    <message>
        <source>不是本活動的入場證</source>
        <translation>Not a pass of this event</translation>
    </message>
    <message>
        <source>無法辨識的條碼</source>
        <translation>Unrecognised code</translation>
    </message>
    <message>
        <source>入場證損毀或遭竄改</source>
        <translation>The pass is damaged or altered</translation>
    </message>
    <message>
        <source>簽退成功</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>再次入場</source>
        <translation>Re-entry</translation>
    </message>
    <message>
        <source>找不到符合的人</source>
        <translation>Nobody matches</translation>
    </message>
    <message>
        <source>符合的人不只一位，請輸入更多字</source>
        <translation>More than one person matches; type more</translation>
    </message>
    <message>
        <source>房間碼不對，請對照入場證或名牌再輸入一次</source>
        <translation>Wrong room code: check it against the entry pass or the name badge and type it again</translation>
    </message>
    <message>
        <source>房間碼是 {length} 個字元（例如 K7M-Q4X-RTP），輸入的是 {typed} 個</source>
        <translation>A room code has {length} characters (e.g. K7M-Q4X-RTP); this had {typed}</translation>
    </message>
    <message>
        <source>房間碼裡沒有「{symbols}」：沒有 0、O、1、I、L，請對照入場證或名牌再輸入一次</source>
        <translation>A room code has no &quot;{symbols}&quot; (never 0, O, 1, I or L); check the pass or badge and type it again</translation>
    </message>
    <message>
        <source>輸入錯誤太多次，請 {minutes} 分鐘後再試，或到報到台查詢您的房間碼</source>
        <translation>Too many wrong tries; try again in {minutes} minutes, or ask the desk for your room code</translation>
    </message>
    <message>
        <source>登入的人很多，請 {retry_after} 秒後再試一次</source>
        <translation>Many people are signing in: try again in {retry_after} seconds</translation>
    </message>
    <message>
        <source>請先用房間碼登入（印在入場證與名牌上）</source>
        <translation>Sign in with your room code first (it is on your pass and badge)</translation>
    </message>
    <message>
        <source>本場次找不到「{person}」</source>
        <translation>No “{person}” in this session</translation>
    </message>
    <message>
        <source>本場次有 {count} 位「{person}」（報名編號 {ids}），請用報名編號指定</source>
        <translation>{count} people in this session match &quot;{person}&quot; (registrations {ids}); give a registration number</translation>
    </message>
    <message>
        <source>{name} 不是錄取或現場報名者，沒有房間碼</source>
        <translation>{name} is neither admitted nor a walk-in and has no room code</translation>
    </message>
    <message>
        <source>這個頁面已過期，請再輸入一次房間碼。</source>
        <translation>This page has expired; please type the room code again.</translation>
    </message>
    <message>
        <source>{file}：講義只收 PDF、PPTX、DOCX 或 ZIP 檔</source>
        <translation>{file}: handouts must be PDF, PPTX, DOCX or ZIP files</translation>
    </message>
    <message>
        <source>{file}：內容不是 {kind} 檔（檔名是 .{suffix}，內容不符）</source>
        <translation>{file}: the content is not a {kind} file (the name ends in .{suffix}, the content does not match)</translation>
    </message>
    <message>
        <source>{file}：講義檔是空的</source>
        <translation>{file}: the handout file is empty</translation>
    </message>
    <message>
        <source>{file}：加上這個檔案，本場次講義共 {mb} MB，上限 {limit_mb} MB</source>
        <translation>{file}: with this file the session&apos;s handouts would take {mb} MB; the limit is {limit_mb} MB</translation>
    </message>
    <message>
        <source>無法讀取講義檔「{file}」：{detail}</source>
        <translation>Cannot read the handout file &quot;{file}&quot;: {detail}</translation>
    </message>
    <message>
        <source>{file}：{mb} MB，每個講義檔最多 {limit_mb} MB</source>
        <translation>{file}: {mb} MB; a handout may be at most {limit_mb} MB</translation>
    </message>
    <message>
        <source>本場次沒有編號 {id} 的講義</source>
        <translation>This session has no handout number {id}</translation>
    </message>
    <message>
        <source>問卷範本不正確</source>
        <translation>The questionnaire template is not valid</translation>
    </message>
    <message>
        <source>要是題目的清單（至少一題）</source>
        <translation>It must be a list of items (at least one)</translation>
    </message>
    <message>
        <source>最多 {limit} 題</source>
        <translation>At most {limit} items</translation>
    </message>
    <message>
        <source>第 {item} 題要是有 &quot;id&quot;、&quot;text&quot;、&quot;kind&quot; 的物件</source>
        <translation>Item {item} must be an object with &quot;id&quot;, &quot;text&quot; and &quot;kind&quot;</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;id&quot; 要是 1 到 {limit} 個字元</source>
        <translation>The &quot;id&quot; of item {item} must be 1 to {limit} characters</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;id&quot; {id} 只能用小寫英文字母、數字、_ 和 -</source>
        <translation>The &quot;id&quot; {id} of item {item} may use only lower-case letters, digits, _ and -</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;id&quot; {id} 重複</source>
        <translation>The &quot;id&quot; {id} of item {item} is used twice</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;text&quot; 不能空白</source>
        <translation>The &quot;text&quot; of item {item} cannot be blank</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;text&quot; 最多 {limit} 字</source>
        <translation>The &quot;text&quot; of item {item} is at most {limit} characters</translation>
    </message>
    <message>
        <source>第 {item} 題的 &quot;kind&quot; 要是 &quot;scale&quot;（五點量表）或 &quot;text&quot;（開放題）</source>
        <translation>The &quot;kind&quot; of item {item} must be &quot;scale&quot; (5-point scale) or &quot;text&quot; (open question)</translation>
    </message>
    <message>
        <source>問卷的回答不正確</source>
        <translation>The answers are not valid</translation>
    </message>
    <message>
        <source>作答要是 JSON 物件：每個題目 id 對應分數或文字</source>
        <translation>The answers must be a JSON object: each item id with a score or a text</translation>
    </message>
    <message>
        <source>問卷沒有「{item}」這一題</source>
        <translation>The questionnaire has no item &quot;{item}&quot;</translation>
    </message>
    <message>
        <source>「{text}」要是 1 到 5（5 = 非常滿意）</source>
        <translation>&quot;{text}&quot; must be 1 to 5 (5 = very satisfied)</translation>
    </message>
    <message>
        <source>「{text}」要填文字</source>
        <translation>&quot;{text}&quot; takes a text</translation>
    </message>
    <message>
        <source>「{text}」最多 {limit} 字</source>
        <translation>&quot;{text}&quot; is at most {limit} characters</translation>
    </message>
    <message>
        <source>還沒有回答任何一題</source>
        <translation>No item has been answered</translation>
    </message>
    <message>
        <source>問卷已開放或已結束，題目不能再改</source>
        <translation>The questionnaire is open or closed: its items can no longer change</translation>
    </message>
    <message>
        <source>問卷已經開放作答</source>
        <translation>The questionnaire is already open</translation>
    </message>
    <message>
        <source>問卷已經結束，不能再開放</source>
        <translation>The questionnaire is closed and cannot be opened again</translation>
    </message>
    <message>
        <source>問卷尚未開放或已經結束</source>
        <translation>The questionnaire is not open (not yet, or no longer)</translation>
    </message>
    <message>
        <source>問卷結束後才能看結果或匯出</source>
        <translation>Results and exports are available once the questionnaire is closed</translation>
    </message>
    <message>
        <source>本場次沒有報名編號 {id}</source>
        <translation>This session has no registration {id}</translation>
    </message>
    <message>
        <source>報到後才能填寫問卷</source>
        <translation>Check in before answering the questionnaire</translation>
    </message>
    <message>
        <source>另一個程式正在讀取資料庫，問卷暫不能結束（作答者的連結無法確實清除），請稍後再試</source>
        <translation>Another program is reading the database: the questionnaire cannot close now (the link to who answered could not be erased for certain). Try again shortly</translation>
    </message>
    <message>
        <source>問卷已結束，但資料庫檔案尚未完全清除作答者的連結，請再按一次結束問卷</source>
        <translation>The questionnaire is closed, but the database file still holds the link to who answered: press Close questionnaire again</translation>
    </message>
    <message>
        <source>這個頁面已過期，請再填一次。</source>
        <translation>This page has expired; please fill it in again.</translation>
    </message>
    <message>
        <source>沒有已結束的問卷可以匯出</source>
        <translation>No closed questionnaire to export</translation>
    </message>
    <message>
        <source>{rule}（{schedule}）</source>
        <translation>{rule} ({schedule})</translation>
    </message>
    <message>
        <source>必須填寫</source>
        <translation>required</translation>
    </message>
    <message>
        <source>請輸入姓名</source>
        <translation>Please enter a name</translation>
    </message>
    <message>
        <source>{field}內容過長（{length} 字，上限 {limit} 字）</source>
        <translation>{field}: too long ({length} characters, at most {limit})</translation>
    </message>
    <message>
        <source>身分證字號無法辨識</source>
        <translation>no ID number recognised</translation>
    </message>
    <message>
        <source>最多 {n} 個字元</source>
        <translation>at most {n} characters</translation>
    </message>
    <message>
        <source>至少需要 {n} 個字元</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>太常見、容易被猜中，請換一句較長的話</source>
        <translation>is too common and easily guessed; use a longer sentence</translation>
    </message>
    <message>
        <source>不可包含空白</source>
        <translation>no spaces allowed</translation>
    </message>
    <message>
        <source>兩次輸入不一致</source>
        <translation>the two entries differ</translation>
    </message>
    <message>
        <source>必須晚於開始時間</source>
        <translation>must be after the start time</translation>
    </message>
    <message>
        <source>至少為 1</source>
        <translation>at least 1</translation>
    </message>
    <message>
        <source>不能大於名額</source>
        <translation>cannot be more than the capacity</translation>
    </message>
    <message>
        <source>已有同名的場次</source>
        <translation>a session of that name exists</translation>
    </message>
    <message>
        <source>無法建立：{problems}</source>
        <translation>Cannot create: {problems}</translation>
    </message>
    <message>
        <source>PIN 設定參數不正確</source>
        <translation>The PIN settings are not valid</translation>
    </message>
    <message>
        <source>目前的 PIN 不正確</source>
        <translation>The current PIN is wrong</translation>
    </message>
    <message>
        <source>太短，至少需要 {n} 個字元</source>
        <translation>Too short: at least {n} characters</translation>
    </message>
    <message>
        <source>太長，最多 {n} 個字元</source>
        <translation>Too long: at most {n} characters</translation>
    </message>
    <message>
        <source>儲存的 PIN 無法辨識，請重新設定 PIN</source>
        <translation>The stored PIN cannot be read; set the PIN again</translation>
    </message>
    <message>
        <source>尚未建立任何活動</source>
        <translation>No event has been created yet</translation>
    </message>
    <message>
        <source>主辦密語至少需要 {n} 個字元</source>
        <translation>The organiser passphrase needs at least {n} characters</translation>
    </message>
    <message>
        <source>主辦密語太常見、容易被猜中，請換一句較長的話</source>
        <translation>The organiser passphrase is too common and easily guessed; choose a longer phrase</translation>
    </message>
    <message>
        <source>主辦密語不正確</source>
        <translation>Wrong organiser passphrase</translation>
    </message>
    <message>
        <source>原密語不正確</source>
        <translation>The current passphrase is wrong</translation>
    </message>
    <message>
        <source>這個活動尚未設定主辦密語</source>
        <translation>This event has no organiser passphrase yet</translation>
    </message>
    <message>
        <source>找不到活動 #{id}</source>
        <translation>No event #{id}</translation>
    </message>
    <message>
        <source>找不到這位學員 #{id}</source>
        <translation>No attendee #{id}</translation>
    </message>
    <message>
        <source>找不到場次 #{id}</source>
        <translation>No session #{id}</translation>
    </message>
    <message>
        <source>這位學員沒有可顯示的身分證字號</source>
        <translation>This attendee has no ID number to show</translation>
    </message>
    <message>
        <source>活動沒有加密身分證字號的金鑰，請先設定主辦密語</source>
        <translation>The event has no key to seal ID numbers; set the organiser passphrase first</translation>
    </message>
    <message>
        <source>無法寫入備份資料夾：{path}（{detail}）</source>
        <translation>Cannot write to the backup folder: {path} ({detail})</translation>
    </message>
    <message>
        <source>找不到資料庫檔案：{path}</source>
        <translation>Database file not found: {path}</translation>
    </message>
    <message>
        <source>備份檔不可以是資料庫本身：{path}</source>
        <translation>The backup cannot be the database itself: {path}</translation>
    </message>
    <message>
        <source>備份目標是資料夾，請給檔名，例如 {example}</source>
        <translation>The backup target is a folder; give a file name, e.g. {example}</translation>
    </message>
    <message>
        <source>備份目標已存在，且不是研習報到台的備份，未覆寫：{path}</source>
        <translation>The target exists and is not a Workshop Desk backup; not overwritten: {path}</translation>
    </message>
    <message>
        <source>輸出目標是資料夾，請給檔名：{path}</source>
        <translation>The output is a folder; give a file name: {path}</translation>
    </message>
    <message>
        <source>資料庫檔案在網路磁碟上，無法安全使用：{path}；請把它複製到這台電腦的磁碟（例如「文件」資料夾）再開啟（備份可以存到網路磁碟）</source>
        <translation>The database file is on a network drive, where it cannot be used safely: {path}. Copy it to this computer&apos;s disk (for example the Documents folder) and open it there (backups may be saved on a network drive).</translation>
    </message>
    <message>
        <source>「{name}」正在 PDF 閱讀器（例如 Acrobat）中開啟，無法覆寫；請先關閉它，或換一個檔名</source>
        <translation>&quot;{name}&quot; is open in a PDF reader (such as Acrobat) and cannot be replaced; close it first, or choose another file name</translation>
    </message>
    <message>
        <source>「{name}」正在 Excel 中開啟，無法覆寫；請先關閉它，或換一個檔名</source>
        <translation>&quot;{name}&quot; is open in Excel and cannot be replaced; close it first, or choose another file name</translation>
    </message>
    <message>
        <source>「{name}」正在其他程式中開啟或是唯讀檔，無法覆寫；請先關閉它，或換一個檔名</source>
        <translation>&quot;{name}&quot; is open in another program or is read-only and cannot be replaced; close it first, or choose another file name</translation>
    </message>
    <message>
        <source>{path} 已存在且不是{kind}檔，未覆寫；請換一個檔名</source>
        <translation>{path} exists and is not a {kind} file; not overwritten. Choose another file name</translation>
    </message>
    <message>
        <source>格式須為 pdf 或 csv（輸入 {value}）</source>
        <translation>The format must be pdf or csv (got {value})</translation>
    </message>
    <message>
        <source>備份檢查失敗，資料庫可能已損毀：{detail}</source>
        <translation>The backup failed its check; the database may be damaged: {detail}</translation>
    </message>
    <message>
        <source>無法備份：{path}（{detail}）</source>
        <translation>Backup failed: {path} ({detail})</translation>
    </message>
    <message>
        <source>找不到備份檔：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <source>無法讀取備份檔，未還原（{detail}）</source>
        <translation>Cannot read the backup file; nothing restored ({detail})</translation>
    </message>
    <message>
        <source>備份檔已損毀，未還原：{path}（{detail}）</source>
        <translation>The backup file is damaged; nothing restored: {path} ({detail})</translation>
    </message>
    <message>
        <source>這不是研習報到台的資料庫：{path}</source>
        <translation>Not a Workshop Desk database: {path}</translation>
    </message>
    <message>
        <source>備份檔就是目前的資料庫</source>
        <translation>The backup file is the current database</translation>
    </message>
    <message>
        <source>備份屬於另一個活動「{event}」，未還原；確定要還原請加 --force</source>
        <translation>The backup holds another event (&quot;{event}&quot;); nothing restored. Add --force to restore it anyway</translation>
    </message>
    <message>
        <source>這個資料庫已在另一個視窗開啟，請先關閉那個視窗再還原：{path}</source>
        <translation>This database is open in another window; close that window before restoring: {path}</translation>
    </message>
    <message>
        <source>主辦密語打不開這個備份的活動（{variable}）；還原是主辦動作</source>
        <translation>The organiser passphrase ({variable}) does not open this backup&apos;s event; restoring is an organiser action</translation>
    </message>
    <message>
        <source>這份報名不屬於本場次</source>
        <translation>This registration belongs to another session</translation>
    </message>
    <message>
        <source>找不到報到紀錄 #{id}</source>
        <translation>No check-in record #{id}</translation>
    </message>
    <message>
        <source>紀錄 #{id} 不是報到或簽退，不能作廢</source>
        <translation>Record #{id} is not a check-in or sign-out and cannot be voided</translation>
    </message>
    <message>
        <source>紀錄 #{id} 已經作廢過了</source>
        <translation>Record #{id} has already been voided</translation>
    </message>
    <message>
        <source>請輸入作廢原因</source>
        <translation>Please enter the reason for voiding</translation>
    </message>
    <message>
        <source>目前的計時狀態無法執行這個動作</source>
        <translation>The timer cannot do that in its current state</translation>
    </message>
    <message>
        <source>議程中沒有這個段落</source>
        <translation>That item is not in the agenda</translation>
    </message>
    <message>
        <source>議程是空的，沒有可開始的段落</source>
        <translation>The agenda is empty: there is no item to start</translation>
    </message>
    <message>
        <source>今天的議程已經結束</source>
        <translation>Today&apos;s agenda is over</translation>
    </message>
    <message>
        <source>沒有上一個段落可回到</source>
        <translation>There is no previous item to go back to</translation>
    </message>
    <message>
        <source>這個場次沒有桌次，無法排小組報告順序</source>
        <translation>This session has no tables, so there is no report order</translation>
    </message>
    <message>
        <source>每桌報告時間必須大於 0</source>
        <translation>The time per table must be more than 0</translation>
    </message>
    <message>
        <source>目前沒有進行中的小組報告</source>
        <translation>No group reports are running</translation>
    </message>
    <message>
        <source>已經是第一桌</source>
        <translation>This is already the first table</translation>
    </message>
    <message>
        <source>報告順序中沒有第 {n} 桌</source>
        <translation>Table {n} is not in the report order</translation>
    </message>
    <message>
        <source>已報告或正在報告的桌次不能移動</source>
        <translation>A table that has reported or is reporting cannot be moved</translation>
    </message>
    <message>
        <source>調整方式「{mode}」不明：請用 shift 或 absorb</source>
        <translation>Unknown way to adjust: &quot;{mode}&quot;; use shift or absorb</translation>
    </message>
    <message>
        <source>資料庫升級失敗，原檔未變更（{detail}）</source>
        <translation>The database could not be upgraded; the file is unchanged ({detail})</translation>
    </message>
    <message>
        <source>資料庫升級失敗，原檔未變更（{detail}）；升級前備份：{backup}</source>
        <translation>The database could not be upgraded; the file is unchanged ({detail}); backup taken before the upgrade: {backup}</translation>
    </message>
    <message>
        <source>這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；找不到可用的備份</source>
        <translation>This file is not a usable database, or it is damaged: {path} ({detail}); no usable backup was found</translation>
    </message>
    <message>
        <source>這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；最新的完好備份：{backup}（可用 workshop-desk restore 還原）</source>
        <translation>This file is not a usable database, or it is damaged: {path} ({detail}); newest good backup: {backup} (restore it with workshop-desk restore)</translation>
    </message>
    <message>
        <source>這個資料庫已在另一個視窗開啟，請切換到那個視窗，或先關閉它：{path}</source>
        <translation>This database is already open in another window; switch to that window or close it first: {path}</translation>
    </message>
    <message>
        <source>不支援的資料庫網址：{url}（{detail}）；請給 SQLite 檔案路徑或 PostgreSQL 網址</source>
        <translation>Unsupported database URL: {url} ({detail}); give an SQLite file path or a PostgreSQL URL</translation>
    </message>
    <message>
        <source>無法使用檔案：{path}（{detail}）</source>
        <translation>Cannot use the file: {path} ({detail})</translation>
    </message>
    <message>
        <source>資料庫檔案或所在資料夾是唯讀的，無法寫入：{path}</source>
        <translation>The database file or its folder is read-only; cannot write: {path}</translation>
    </message>
    <message>
        <source>資料庫檔案被另一個程式鎖住：{path}</source>
        <translation>The database file is locked by another program: {path}</translation>
    </message>
    <message>
        <source>這個檔案不是可用的資料庫，或已損毀：{path}</source>
        <translation>This file is not a usable database, or it is damaged: {path}</translation>
    </message>
    <message>
        <source>無法開啟資料庫檔案：{path}（{detail}）</source>
        <translation>Cannot open the database file: {path} ({detail})</translation>
    </message>
    <message>
        <source>資料庫中沒有活動，請先建立活動</source>
        <translation>There is no event in the database; create an event first</translation>
    </message>
    <message>
        <source>資料庫中有多個活動，請指定場次</source>
        <translation>The database holds several events; choose a session</translation>
    </message>
    <message>
        <source>請輸入主辦單位密語</source>
        <translation>Enter the organiser passphrase</translation>
    </message>
    <message>
        <source>請填寫錄取理由</source>
        <translation>Give a reason for admitting</translation>
    </message>
    <message>
        <source>此報名已取消</source>
        <translation>This registration is already cancelled</translation>
    </message>
    <message>
        <source>已在此場次</source>
        <translation>Already in that session</translation>
    </message>
    <message>
        <source>不同活動的場次</source>
        <translation>That session belongs to another event</translation>
    </message>
    <message>
        <source>{name} 已報名{session}</source>
        <translation>{name} is already registered for {session}</translation>
    </message>
    <message>
        <source>不能編輯的欄位：{fields}</source>
        <translation>Fields that cannot be edited: {fields}</translation>
    </message>
    <message>
        <source>用餐只能是 葷、素 或空白</source>
        <translation>Meal must be regular (葷), vegetarian (素) or blank</translation>
    </message>
    <message>
        <source>{name}：副檔名要是 {choices}</source>
        <translation>{name}: the extension must be {choices}</translation>
    </message>
    <message>
        <source>{file}：找不到檔案</source>
        <translation>{file}: file not found</translation>
    </message>
    <message>
        <source>{file}：檔案是空的</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <source>{file}：檔案太大（{size} MB，上限 {limit} MB）</source>
        <translation>{file}: the file is too large ({size} MB, limit {limit} MB)</translation>
    </message>
    <message>
        <source>{file}：壓縮檔內的檔案數異常（{count} 個），疑似惡意檔案</source>
        <translation>{file}: the package holds an abnormal number of files ({count}); it looks like a malicious file</translation>
    </message>
    <message>
        <source>{file}：這是舊版 .xls 或設有密碼的 Excel 檔，請移除密碼並另存為 .xlsx 或 CSV</source>
        <translation>{file}: an old .xls or password-protected Excel file; remove the password and save it as .xlsx or CSV</translation>
    </message>
    <message>
        <source>{file}：不是有效的 Excel (.xlsx) 檔，或檔案已損毀</source>
        <translation>{file}: not a valid Excel (.xlsx) file, or the file is damaged</translation>
    </message>
    <message>
        <source>{file}：解壓縮後異常膨脹，疑似惡意檔案</source>
        <translation>{file}: unpacks to an abnormal size; it looks like a malicious file</translation>
    </message>
    <message>
        <source>{file}：檔案已加密，請移除密碼後再匯入</source>
        <translation>{file}: the file is encrypted; remove the password and import again</translation>
    </message>
    <message>
        <source>{file}：不是文字檔（CSV）或 Excel 檔，內容是二進位資料</source>
        <translation>{file}: not a text (CSV) or Excel file; the content is binary data</translation>
    </message>
    <message>
        <source>{file} 第 {line} 行：無法辨識的文字編碼，請另存為「CSV UTF-8」</source>
        <translation>{file} line {line}: unknown text encoding; save it as &quot;CSV UTF-8&quot;</translation>
    </message>
    <message>
        <source>{file} 第 {row} 列「{column}」欄：內容過長（{length} 字，上限 {limit} 字）</source>
        <translation>{file} row {row}, column &quot;{column}&quot;: the cell is too long ({length} characters, limit {limit})</translation>
    </message>
    <message>
        <source>{file}：這是資料夾，不是檔案</source>
        <translation>{file}: this is a folder, not a file</translation>
    </message>
    <message>
        <source>{file}：不支援的檔案類型，請使用 CSV 或 XLSX</source>
        <translation>{file}: unsupported file type; use CSV or XLSX</translation>
    </message>
    <message>
        <source>{file}：內容無法辨識為 CSV 文字</source>
        <translation>{file}: the content cannot be read as CSV text</translation>
    </message>
    <message>
        <source>{file}：第 {row} 列 CSV 格式錯誤（{detail}）</source>
        <translation>{file}: row {row} is not valid CSV ({detail})</translation>
    </message>
    <message>
        <source>{file}：沒有任何資料</source>
        <translation>{file}: there is no data in the file</translation>
    </message>
    <message>
        <source>{file}：找不到「姓名」欄，無法匯入；標題列：{headers}</source>
        <translation>{file}: no name column, nothing can be imported; header row: {headers}</translation>
    </message>
    <message>
        <source>不是 UTF-8 或 Big5 編碼的文字檔</source>
        <translation>Not a text file in UTF-8 or Big5</translation>
    </message>
    <message>
        <source>{file}：議程檔是空的</source>
        <translation>{file}: the agenda file is empty</translation>
    </message>
    <message>
        <source>{file} 第 1 列：缺少欄位 {missing}（需要 {needed}）</source>
        <translation>{file} row 1: missing column(s) {missing} (needed: {needed})</translation>
    </message>
    <message>
        <source>{file} 第 {row} 列「起迄時間」：空白</source>
        <translation>{file} row {row}, column 起迄時間 (time): empty</translation>
    </message>
    <message>
        <source>{file} 第 {row} 列「起迄時間」：「{value}」不是「HH:MM-HH:MM」且結束晚於開始</source>
        <translation>{file} row {row}, column 起迄時間 (time): “{value}” is not HH:MM-HH:MM with the end after the start</translation>
    </message>
    <message>
        <source>{file} 第 {row} 列「活動議程」：空白</source>
        <translation>{file} row {row}, column 活動議程 (title): empty</translation>
    </message>
    <message>
        <source>{file}：沒有任何議程列</source>
        <translation>{file}: no agenda rows</translation>
    </message>
    <message>
        <source>連接埠 {port} 已被其他程式使用，請換一個</source>
        <translation>Port {port} is used by another program; choose another</translation>
    </message>
    <message>
        <source>無法使用位址 {host}:{port}：{detail}</source>
        <translation>Cannot use the address {host}:{port}: {detail}</translation>
    </message>
    <message>
        <source>現場連線無法在 {host}:{port} 啟動：{detail}</source>
        <translation>The venue connection could not start on {host}:{port}: {detail}</translation>
    </message>
    <message>
        <source>現場連線在 {seconds} 秒內沒有在 {host}:{port} 啟動</source>
        <translation>The venue connection did not start on {host}:{port} within {seconds} seconds</translation>
    </message>
    <message>
        <source>內容過長（{length} 字，上限 {limit} 字），此列不匯入</source>
        <translation>Too long ({length} characters, limit {limit}); row not imported</translation>
    </message>
    <message>
        <source>沒有姓名，此列不匯入</source>
        <translation>No name; row not imported</translation>
    </message>
    <message>
        <source>時間戳記「{value}」無法辨識，排在最後</source>
        <translation>Timestamp &quot;{value}&quot; not recognised; placed last</translation>
    </message>
    <message>
        <source>沒有時間戳記，排在最後</source>
        <translation>No timestamp; placed last</translation>
    </message>
    <message>
        <source>電子郵件「{value}」格式不正確</source>
        <translation>E-mail &quot;{value}&quot; is not a valid address</translation>
    </message>
    <message>
        <source>無法判讀「{value}」，視為不需要時數</source>
        <translation>Cannot read &quot;{value}&quot;; taken as no learning hours wanted</translation>
    </message>
    <message>
        <source>未填身分證字號：需要時數但尚不符資格</source>
        <translation>No ID number: wants learning hours but cannot get them yet</translation>
    </message>
    <message>
        <source>身分證字號格式不正確：需要時數但尚不符資格</source>
        <translation>ID number in the wrong format: wants learning hours but cannot get them yet</translation>
    </message>
    <message>
        <source>身分證字號檢查碼不正確：需要時數但尚不符資格</source>
        <translation>ID number check digit is wrong: wants learning hours but cannot get them yet</translation>
    </message>
    <message>
        <source>身分證字號格式不正確</source>
        <translation>ID number in the wrong format</translation>
    </message>
    <message>
        <source>身分證字號檢查碼不正確</source>
        <translation>ID number check digit is wrong</translation>
    </message>
    <message>
        <source>無法判讀用餐「{value}」，視為不用餐</source>
        <translation>Cannot read meal &quot;{value}&quot;; taken as no meal</translation>
    </message>
    <message>
        <source>報名場次「{value}」對不上任何場次，此列不匯入</source>
        <translation>Session &quot;{value}&quot; matches no session; row not imported</translation>
    </message>
    <message>
        <source>沒有填報名場次，此列不匯入</source>
        <translation>No session given; row not imported</translation>
    </message>
    <message>
        <source>同一人（第 {row} 列）已報名{first}，又報名{second}：兩場都保留，請確認</source>
        <translation>The same person (row {row}) applied for {first} and also for {second}: both kept, please check</translation>
    </message>
    <message>
        <source>此列改報{session}，但此人在{kept}已報到或已確定名額：仍留在{kept}，要改場次請在名單用「改場次…」</source>
        <translation>This row now names {session}, but the person has checked in or was promised a place in {kept}: they stay in {kept}; to move them, use Change session… in the roster</translation>
    </message>
    <message>
        <source>時數單位須為 0.5 或 1 小時（輸入 {value}）</source>
        <translation>The hours step must be 0.5 or 1 hour (entered {value})</translation>
    </message>
    <message>
        <source>未簽退的處理方式須為 {choices}（輸入 {value}）</source>
        <translation>Missing sign-out handling must be one of {choices} (entered {value})</translation>
    </message>
    <message>
        <source>時數規則 {key} 不可為負數</source>
        <translation>Hours rule {key} cannot be negative</translation>
    </message>
    <message>
        <source>未知的時數規則設定：{keys}</source>
        <translation>Unknown hours rule settings: {keys}</translation>
    </message>
    <message>
        <source>時數規則 {key} 無法讀取：{value}</source>
        <translation>Hours rule {key} cannot be read: {value}</translation>
    </message>
    <message>
        <source>找不到報名紀錄 #{id}</source>
        <translation>Registration #{id} not found</translation>
    </message>
    <message>
        <source>請輸入調整原因</source>
        <translation>Enter the reason for the adjustment</translation>
    </message>
    <message>
        <source>時數須在 0 到課程時數 {limit} 小時之間（輸入 {hours}）</source>
        <translation>Hours must be between 0 and the course&apos;s {limit} hours (entered {hours})</translation>
    </message>
    <message>
        <source>時數須為 {step} 小時的倍數（輸入 {hours}）</source>
        <translation>Hours must be a multiple of {step} (entered {hours})</translation>
    </message>
    <message>
        <source>字號格式無法使用：{pattern}</source>
        <translation>The serial number pattern cannot be used: {pattern}</translation>
    </message>
    <message>
        <source>字號格式須含 {{seq}}：{pattern}</source>
        <translation>The serial number pattern must contain {{seq}}: {pattern}</translation>
    </message>
    <message>
        <source>字號重複：{serial}（請調整字號格式）</source>
        <translation>Serial number used twice: {serial} (change the pattern)</translation>
    </message>
    <message>
        <source>{session}沒有人可發研習證明書：場次沒有計入時數的議程（請先加入議程）；未產生任何檔案</source>
        <translation>{session}: no certificates: the session has no agenda block that carries hours (add the agenda first); no file was written</translation>
    </message>
    <message>
        <source>無法設定的欄位：{fields}</source>
        <translation>Fields that cannot be set: {fields}</translation>
    </message>
    <message>
        <source>課程名稱不可空白</source>
        <translation>The course name cannot be blank</translation>
    </message>
    <message>
        <source>未知的證書設定：{fields}</source>
        <translation>Unknown certificate settings: {fields}</translation>
    </message>
    <message>
        <source>{key}：找不到檔案 {path}</source>
        <translation>{key}: file not found: {path}</translation>
    </message>
    <message>
        <source>{key}：{path} 有 {mb} MB，超過 5 MB；請縮小圖檔</source>
        <translation>{key}: {path} is {mb} MB, over 5 MB; make the image smaller</translation>
    </message>
    <message>
        <source>{key}：{path} 不是可讀取的圖片檔（PNG/JPEG）</source>
        <translation>{key}: {path} is not a readable image (PNG/JPEG)</translation>
    </message>
    <message>
        <source>{key}：{path} 是 {kind} 圖檔，請用 PNG 或 JPEG</source>
        <translation>{key}: {path} is a {kind} image; use PNG or JPEG</translation>
    </message>
    <message>
        <source>{key}：{path} 為 {width}×{height} 像素，每邊須在 {low}–{high} 像素之間</source>
        <translation>{key}: {path} is {width}x{height} pixels; each side must be {low}-{high} pixels</translation>
    </message>
    <message>
        <source>「{person}」不在{session}名單中</source>
        <translation>&quot;{person}&quot; is not on the list of {session}</translation>
    </message>
    <message>
        <source>「{person}」在{session}名單中有 {n} 位：{choices}</source>
        <translation>&quot;{person}&quot; is on the list of {session} {n} times: {choices}</translation>
    </message>
    <message>
        <source>{problem}（用 workshop-desk agenda add 或 agenda import 加入）</source>
        <translation>{problem} (add it with workshop-desk agenda add or agenda import)</translation>
    </message>
    <message>
        <source>無法寫入 {path}：{detail}</source>
        <translation>Cannot write {path}: {detail}</translation>
    </message>
    <message>
        <source>上課縣市代碼須為兩位數字（如 10 臺北市）：{value}</source>
        <translation>The city code must be two digits (e.g. 10 for Taipei): {value}</translation>
    </message>
    <message>
        <source>課程時數 {hours} 小時超過場次時間 {longest} 小時（{span}）</source>
        <translation>Course hours {hours} exceed the session&apos;s {longest} hours ({span})</translation>
    </message>
    <message>
        <source>文件種類須為 {choices}（輸入 {value}）</source>
        <translation>Document must be one of {choices} (entered {value})</translation>
    </message>
    <message>
        <source>排序須為 {choices}（輸入 {value}）</source>
        <translation>Order must be one of {choices} (entered {value})</translation>
    </message>
    <message>
        <source>{session} 尚未設定桌次，沒有可印的桌牌或名單</source>
        <translation>{session} has no tables set up yet, so there are no table cards or lists to print</translation>
    </message>
    <message>
        <source>時數檔格式須為 full 或 opened（輸入 {value}）</source>
        <translation>The hours file layout must be full or opened (entered {value})</translation>
    </message>
    <message>
        <source>課程名稱 未設定</source>
        <translation>Course name not set</translation>
    </message>
    <message>
        <source>課程代碼 未設定</source>
        <translation>Course code not set</translation>
    </message>
    <message>
        <source>課程類別代碼 未設定</source>
        <translation>Course category code not set</translation>
    </message>
    <message>
        <source>上課縣市 未設定</source>
        <translation>City of the course not set</translation>
    </message>
    <message>
        <source>期別 未設定</source>
        <translation>Term not set</translation>
    </message>
    <message>
        <source>課程名稱 含 Big5 以外的字：{chars}</source>
        <translation>Course name has characters outside Big5: {chars}</translation>
    </message>
    <message>
        <source>課程代碼 含 Big5 以外的字：{chars}</source>
        <translation>Course code has characters outside Big5: {chars}</translation>
    </message>
    <message>
        <source>課程類別代碼 含 Big5 以外的字：{chars}</source>
        <translation>Course category code has characters outside Big5: {chars}</translation>
    </message>
    <message>
        <source>上課縣市 含 Big5 以外的字：{chars}</source>
        <translation>City of the course has characters outside Big5: {chars}</translation>
    </message>
    <message>
        <source>期別 含 Big5 以外的字：{chars}</source>
        <translation>Term has characters outside Big5: {chars}</translation>
    </message>
    <message>
        <source>{problems}（用 workshop-desk event set 設定）</source>
        <translation>{problems} (set them with workshop-desk event set)</translation>
    </message>
    <message>
        <source>未提供身分證字號</source>
        <translation>No ID number given</translation>
    </message>
    <message>
        <source>身分證字號檢查碼或格式不符</source>
        <translation>ID number check digit or format is wrong</translation>
    </message>
    <message>
        <source>含 Big5 以外的字「{chars}」，請於入口網站手動輸入</source>
        <translation>Has characters outside Big5 (&quot;{chars}&quot;); enter this person on the portal by hand</translation>
    </message>
    <message>
        <source>身分證字號與第 {row} 列 {name} 相同，只寫入一次</source>
        <translation>Same ID number as row {row} {name}; written once</translation>
    </message>
    <message>
        <source>核給 0 小時（{reasons}），完整課程資料不列未通過者</source>
        <translation>Credited 0 hours ({reasons}); the full course record lists only people who passed</translation>
    </message>
    <message>
        <source>找不到議程段落 #{id}</source>
        <translation>Agenda block #{id} not found</translation>
    </message>
    <message>
        <source>標題：不可空白</source>
        <translation>Title: cannot be blank</translation>
    </message>
    <message>
        <source>標題：最多 {n} 字</source>
        <translation>Title: at most {n} characters</translation>
    </message>
    <message>
        <source>類型：「{kind}」不是已知的議程類型</source>
        <translation>Type: &quot;{kind}&quot; is not a known block type</translation>
    </message>
    <message>
        <source>時間：結束 {end} 必須晚於開始 {start}</source>
        <translation>Time: the end {end} must be after the start {start}</translation>
    </message>
    <message>
        <source>主講人：最多 {n} 字</source>
        <translation>Speaker: at most {n} characters</translation>
    </message>
    <message>
        <source>第 {block} 段 {problem}</source>
        <translation>Block {block}: {problem}</translation>
    </message>
    <message>
        <source>正在進行的段落不能刪除；請先進入下一段</source>
        <translation>The running block cannot be deleted; move on to the next block first</translation>
    </message>
    <message>
        <source>重疊 {minutes} 分鐘：「{other}」與「{this}」（{span}）</source>
        <translation>Overlap of {minutes} min: &quot;{other}&quot; and &quot;{this}&quot; ({span})</translation>
    </message>
    <message>
        <source>空檔 {minutes} 分鐘：「{other}」之後到「{this}」之前（{span}）</source>
        <translation>Gap of {minutes} min: after &quot;{other}&quot;, before &quot;{this}&quot; ({span})</translation>
    </message>
    <message>
        <source>時間錯誤：「{this}」的結束時間不晚於開始時間（{span}）</source>
        <translation>Wrong times: &quot;{this}&quot; does not end after it starts ({span})</translation>
    </message>
    <message>
        <source>順序錯誤：「{this}」排在「{other}」之後，卻比它早開始</source>
        <translation>Wrong order: &quot;{this}&quot; is listed after &quot;{other}&quot; but starts earlier</translation>
    </message>
    <message>
        <source>無法讀取 {file}：{detail}</source>
        <translation>Cannot read {file}: {detail}</translation>
    </message>
    <message>
        <source>{file}：{problem}（agenda remove --all 清除）</source>
        <translation>{file}: {problem} (clear with agenda remove --all)</translation>
    </message>
    <message>
        <source>{session}沒有 id {id} 的議程段落（workshop-desk agenda --session {session} --json 列出 id）</source>
        <translation>{session} has no agenda block with id {id} (workshop-desk agenda --session {session} --json lists the ids)</translation>
    </message>
    <message>
        <source>提醒時間：黃燈必須不少於紅燈，且都不可為負</source>
        <translation>Reminders: amber must be at least red, and neither negative</translation>
    </message>
    <message>
        <source>後面沒有段落可以調整</source>
        <translation>No later block to adjust</translation>
    </message>
    <message>
        <source>經費「{raw}」沒有金額：請寫成 300000、300,000、NT$300000 或 約 30 萬</source>
        <translation>The cost “{raw}” has no amount: write 300000, 300,000, NT$300000 or 300k</translation>
    </message>
    <message>
        <source>經費「{raw}」是負數：經費不可為負</source>
        <translation>The cost “{raw}” is negative: a cost cannot be negative</translation>
    </message>
    <message>
        <source>經費「{raw}」是一個範圍：請填一個估計金額（例如取上限）</source>
        <translation>The cost “{raw}” is a range: give one estimate (for example the upper end)</translation>
    </message>
    <message>
        <source>經費「{raw}」看不懂：請寫成 300000、300,000、NT$300000 或 約 30 萬</source>
        <translation>Cannot read the cost “{raw}”: write 300000, 300,000, NT$300000 or 300k</translation>
    </message>
    <message>
        <source>經費「{raw}」超過新臺幣 10 兆元，請確認位數</source>
        <translation>The cost “{raw}” is over NT$10 trillion; check the digits</translation>
    </message>
    <message>
        <source>{label}沒有名稱</source>
        <translation>{label} has no title</translation>
    </message>
    <message>
        <source>{label}：{problem}</source>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <source>{label}的{criterion}「{mark}」不是 ○ △ × 或 1–5</source>
        <translation>{label}: {criterion} &quot;{mark}&quot; is not ○ △ × or 1-5</translation>
    </message>
    <message>
        <source>{label}的票數是負數</source>
        <translation>{label}: the vote count is negative</translation>
    </message>
    <message>
        <source>成員「{name}」重複列出</source>
        <translation>Member &quot;{name}&quot; is listed twice</translation>
    </message>
    <message>
        <source>找不到桌次 #{id}，這一桌可能已被移除</source>
        <translation>No table #{id}: it may have been removed</translation>
    </message>
    <message>
        <source>這個場次沒有第 {n} 桌</source>
        <translation>This session has no table {n}</translation>
    </message>
    <message>
        <source>找不到這個版本 #{id}</source>
        <translation>No version #{id}</translation>
    </message>
    <message>
        <source>「{label}」最多 {limit} 字（送出的有 {length} 字）</source>
        <translation>“{label}” takes at most {limit} characters (this had {length})</translation>
    </message>
    <message>
        <source>一分鐘內儲存的內容已達上限（{limit_mb} MB），請稍候一分鐘再儲存；草稿留在裝置上</source>
        <translation>The limit of {limit_mb} MB saved in one minute is reached; wait a minute and save again (the draft stays on the device)</translation>
    </message>
    <message>
        <source>存入的版本紀錄已達上限（{limit_mb} MB），無法再儲存；請到報到台</source>
        <translation>The revision history is at its limit ({limit_mb} MB) and cannot take more; please go to the desk</translation>
    </message>
    <message>
        <source>這個裝置沒有第 {table} 桌的填寫權限，或連線碼已被報到台撤銷；請到報到台掃描第 {table} 桌的桌長 QR</source>
        <translation>This device may not fill in table {table}&apos;s report, or its link was revoked by the desk; scan table {table}&apos;s leader QR at the desk</translation>
    </message>
    <message>
        <source>沒有照片（表單欄位 photo）</source>
        <translation>No photo (form field photo)</translation>
    </message>
    <message>
        <source>照片「{name}」有 {mb} MB，超過上限 {limit} MB；請先縮小（例如用手機的「中」尺寸）再附加</source>
        <translation>The photo “{name}” is {mb} MB, over the {limit} MB limit; make it smaller first (for example the phone’s medium size), then attach it</translation>
    </message>
    <message>
        <source>一份報告的「{label}」最多 {limit} 項（送出的有 {count} 項）</source>
        <translation>A report holds at most {limit} items in &quot;{label}&quot; (this had {count})</translation>
    </message>
    <message>
        <source>「{name}」不是圖片檔（可用 JPEG、PNG、GIF、BMP、WebP）</source>
        <translation>“{name}” is not an image (use JPEG, PNG, GIF, BMP or WebP)</translation>
    </message>
    <message>
        <source>「{name}」的圖片不完整或已損壞，無法讀取；請重新拍攝或重新複製檔案</source>
        <translation>The image “{name}” is incomplete or damaged and cannot be read; take it again or copy the file again</translation>
    </message>
    <message>
        <source>「{name}」是 {kind} 圖檔，請改存成 JPEG 或 PNG 再附加</source>
        <translation>“{name}” is a {kind} image; save it as JPEG or PNG, then attach it</translation>
    </message>
    <message>
        <source>照片「{name}」超過上限 {limit_mp} 百萬像素；請用手機相機的一般尺寸重新拍攝或縮小後再附加</source>
        <translation>The photo “{name}” has more than {limit_mp} million pixels; take it again at the phone camera&apos;s usual size, or shrink it, then attach it</translation>
    </message>
    <message>
        <source>無法讀取照片「{path}」：{detail}</source>
        <translation>Cannot read the photo &quot;{path}&quot;: {detail}</translation>
    </message>
    <message>
        <source>現在有太多照片正在處理，「{name}」尚未收下；請稍候再送一次</source>
        <translation>Too many photos are being processed; “{name}” was not taken. Please send it again in a moment</translation>
    </message>
    <message>
        <source>第 {table} 桌的報告沒有第 {revision} 版（目前是第 {current} 版）；請重新整理頁面</source>
        <translation>Table {table}&apos;s report has no revision {revision} (the current one is {current}); reload the page</translation>
    </message>
    <message>
        <source>內容不是 JSON</source>
        <translation>The content is not JSON</translation>
    </message>
    <message>
        <source>「{where}」要是{expected}，收到的是 {kind}</source>
        <translation>&quot;{where}&quot; must be {expected}; it was {kind}</translation>
    </message>
    <message>
        <source>少了「{where}」</source>
        <translation>“{where}” is missing</translation>
    </message>
    <message>
        <source>不認得「{where}」</source>
        <translation>“{where}” is not a known key</translation>
    </message>
    <message>
        <source>無法讀取這個請求的內容</source>
        <translation>Cannot read this request&apos;s content</translation>
    </message>
    <message>
        <source>找不到這個網頁。請重新掃描報到台的 QR。</source>
        <translation>Page not found. Scan the desk&apos;s QR code again.</translation>
    </message>
    <message>
        <source>這個網址不接受這種請求方法</source>
        <translation>This address does not take this request method</translation>
    </message>
    <message>
        <source>內容太大（上限 {limit_kb} KB）</source>
        <translation>The content is too large (limit {limit_kb} KB)</translation>
    </message>
    <message>
        <source>不接受來自其他網站的請求</source>
        <translation>Requests from other sites are not accepted</translation>
    </message>
    <message>
        <source>這個網址不是報到台的位址，請重新掃描報到台的 QR</source>
        <translation>This is not the desk&apos;s address; scan the desk&apos;s QR code again</translation>
    </message>
    <message>
        <source>請求太頻繁，請稍候再試</source>
        <translation>Too many requests; try again in a moment</translation>
    </message>
    <message>
        <source>這個頁面已過期，請重新整理後再送出</source>
        <translation>This page has expired; reload it and send again</translation>
    </message>
    <message>
        <source>找不到手機連得到的網路位址（先連上場地的 Wi-Fi），或請用 --host 指定要在哪個位址提供連線；這台電腦的位址有 {found}</source>
        <translation>No network address that phones can reach (connect to the venue&apos;s Wi-Fi first), or give the address to serve on with --host; this computer&apos;s addresses: {found}</translation>
    </message>
    <message>
        <source>本場次沒有已錄取或現場報名的人</source>
        <translation>Nobody in this session is admitted or a walk-in</translation>
    </message>
    <message>
        <source>此場次尚未設定桌次，請先套用範本（例如 6 桌、每桌 7 人）</source>
        <translation>This session has no tables yet; apply a template first (for example 6 tables of 7)</translation>
    </message>
    <message>
        <source>找不到報名資料 #{id}</source>
        <translation>No registration #{id}</translation>
    </message>
    <message>
        <source>{name} 是第 {n} 桌桌長，須坐在該桌</source>
        <translation>{name} leads table {n} and must sit at it</translation>
    </message>
    <message>
        <source>這一桌不屬於此人報名的場次</source>
        <translation>This table is not in the session this person registered for</translation>
    </message>
    <message>
        <source>第 {n} 桌已滿（{size}/{capacity} 人）</source>
        <translation>Table {n} is full ({size}/{capacity} people)</translation>
    </message>
    <message>
        <source>此人尚未分桌，無法釘選</source>
        <translation>This person has no table yet, so cannot be pinned</translation>
    </message>
    <message>
        <source>{session} 沒有第 {n} 桌（現有：{numbers}）</source>
        <translation>{session} has no table {n} (tables: {numbers})</translation>
    </message>
    <message>
        <source>{session} 找不到已錄取或現場報名的「{name}」</source>
        <translation>{session}: no admitted or walk-in attendee &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>{session} 有 {count} 位「{name}」，請改在視窗中操作</source>
        <translation>{session} has {count} people named &quot;{name}&quot;; use the window instead</translation>
    </message>
    <message>
        <source>{problem}（先用 workshop-desk tables template 設定桌次）</source>
        <translation>{problem} (set the tables first with workshop-desk tables template)</translation>
    </message>
    <message>
        <source>桌數須介於 1 到 2000（收到 {count}）</source>
        <translation>The number of tables must be 1 to 2000 (got {count})</translation>
    </message>
    <message>
        <source>每桌人數須介於 1 到 100（收到 {capacity}）</source>
        <translation>People per table must be 1 to 100 (got {capacity})</translation>
    </message>
    <message>
        <source>第 {n} 桌已有小組討論紀錄，不能移除</source>
        <translation>Table {n} already has a group report and cannot be removed</translation>
    </message>
    <message>
        <source>找不到桌次 #{id}</source>
        <translation>No table #{id}</translation>
    </message>
    <message>
        <source>桌長須為此場次的報名者</source>
        <translation>A table leader must be registered for this session</translation>
    </message>
    <message>
        <source>{name} 已是第 {n} 桌桌長</source>
        <translation>{name} already leads table {n}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>沒有主控台：請設定環境變數 {variable}，或改用主控台程式 workshop-desk (no console: set that variable or use the console program workshop-desk)</source>
        <translation>No console: set the environment variable {variable}, or use the console program workshop-desk</translation>
    </message>
    <message>
        <source>需要主辦密語：請設定環境變數 {variable}</source>
        <translation>The organiser passphrase is needed: set the environment variable {variable}</translation>
    </message>
    <message>
        <source>{action} 是主辦動作，但主辦密語不正確（{variable}）</source>
        <translation>{action} is an organiser action, and the organiser passphrase is wrong ({variable})</translation>
    </message>
    <message>
        <source>{detail}；{action} 是主辦動作</source>
        <translation>{detail}; {action} is an organiser action</translation>
    </message>
    <message>
        <source>請以 --session 指定場次（可選：{choices}）</source>
        <translation>Name the session with --session (choices: {choices})</translation>
    </message>
    <message>
        <source>--db 指向資料夾，請指定資料庫檔案：{path}</source>
        <translation>--db names a folder; give a database file: {path}</translation>
    </message>
    <message>
        <source>找不到資料庫檔案：{path}；建立示範資料庫：workshop-desk --db {path} demo</source>
        <translation>No database file: {path}; to create a demo database: workshop-desk --db {path} demo</translation>
    </message>
    <message>
        <source>示範資料庫已存在：{path}；要重建請加 --reset</source>
        <translation>The demo database exists already: {path}; add --reset to rebuild it</translation>
    </message>
    <message>
        <source>未預期的錯誤：{detail}；詳細記錄在記錄檔 {log}</source>
        <translation>Unexpected error: {detail}; details are in the log file {log}</translation>
    </message>
    <message>
        <source>未預期的錯誤（記錄檔無法寫入）：{detail}</source>
        <translation>Unexpected error (the log file cannot be written): {detail}</translation>
    </message>
</context>
<context>
    <name>qtapp</name>
    <message>
        <source>研習報到台</source>
        <translation>Workshop Desk</translation>
    </message>
</context>
<context>
    <name>report_html</name>
    <message>
        <source>{table}&#x3000;桌長 {leader}</source>
        <translation>{table} · leader {leader}</translation>
    </message>
    <message>
        <source>主題：</source>
        <translation>Topic: </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>出席 {count} 人：{names}</source>
        <translation>{count} present: {names}</translation>
    </message>
    <message>
        <source>正面觀點</source>
        <translation>Points in favour</translation>
    </message>
    <message>
        <source>反面觀點</source>
        <translation>Points against</translation>
    </message>
    <message>
        <source>提案</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>排序／投票：</source>
        <translation>Ranking / vote: </translation>
    </message>
    <message>
        <source>待釐清問題</source>
        <translation>Open questions</translation>
    </message>
    <message>
        <source>講師回饋：</source>
        <translation>Speaker feedback: </translation>
    </message>
    <message>
        <source>（尚未填寫）</source>
        <translation>(not filled in yet)</translation>
    </message>
    <message>
        <source>未估</source>
        <translation>not estimated</translation>
    </message>
    <message>
        <source>{votes} 票</source>
        <translation>{votes} votes</translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>經費 {cost}</source>
        <translation>Cost {cost}</translation>
    </message>
    <message>
        <source>問題</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>受益</source>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <source>{label}：{text}</source>
        <translation>{label}: {text}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>介面語言 Language</source>
        <translation>Language 介面語言</translation>
    </message>
    <message>
        <source>語言設定已儲存，重新啟動程式後生效。
The language applies after a restart.</source>
        <translation>The language setting is saved and applies after a restart.
語言設定已儲存，重新啟動程式後生效。</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>已錄取</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>候補</source>
        <translation>Waitlisted</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>現場報名</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>報到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>開場</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>自我介紹</source>
        <translation>Introductions</translation>
    </message>
    <message>
        <source>演講</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>小組討論</source>
        <translation>Group discussion</translation>
    </message>
    <message>
        <source>小組報告</source>
        <translation>Group report</translation>
    </message>
    <message>
        <source>休息</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>午餐</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <source>案例分享</source>
        <translation>Case study</translation>
    </message>
    <message>
        <source>系統介紹</source>
        <translation>System introduction</translation>
    </message>
    <message>
        <source>綜合討論</source>
        <translation>Open discussion</translation>
    </message>
    <message>
        <source>票數優先法</source>
        <translation>Greedy (most votes first)</translation>
    </message>
    <message>
        <source>平等份額法</source>
        <translation>Method of Equal Shares</translation>
    </message>
    <message>
        <source>依報名先後有名額</source>
        <translation>Free place, in registration order</translation>
    </message>
    <message>
        <source>報名改到此場次</source>
        <translation>Registration moved to this session</translation>
    </message>
    <message>
        <source>非常滿意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>滿意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>不滿意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不滿意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>時間戳記</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>電子郵件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>聯絡電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身分證字號</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>報名場次</source>
        <translation>Session applied for</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>終身學習時數</source>
        <translation>Learning hours</translation>
    </message>
    <message>
        <source>備註</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>活動名稱</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>主辦密語</source>
        <translation>Organiser passphrase</translation>
    </message>
    <message>
        <source>再次輸入主辦密語</source>
        <translation>Organiser passphrase again</translation>
    </message>
    <message>
        <source>場次名稱</source>
        <translation>Session name</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>結束時間</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>每機關上限</source>
        <translation>Limit per agency</translation>
    </message>
    <message>
        <source>未出席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>遲到</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>早退</source>
        <translation>Left early</translation>
    </message>
    <message>
        <source>中途離席</source>
        <translation>Away during the day</translation>
    </message>
    <message>
        <source>未簽退</source>
        <translation>No sign-out</translation>
    </message>
    <message>
        <source>未簽到</source>
        <translation>No sign-in</translation>
    </message>
    <message>
        <source>無有效身分證字號</source>
        <translation>No valid ID number</translation>
    </message>
    <message>
        <source>未申請時數</source>
        <translation>Hours not requested</translation>
    </message>
    <message>
        <source>已調整</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <source>場次沒有計時數的議程</source>
        <translation>The session has no agenda block that carries hours</translation>
    </message>
    <message>
        <source>非場次日期報到（不計時數）</source>
        <translation>Checked in on another day (no hours)</translation>
    </message>
    <message>
        <source>全勤：核給課程時數</source>
        <translation>Full attendance: course hours</translation>
    </message>
    <message>
        <source>依在場時間計</source>
        <translation>By time present</translation>
    </message>
    <message>
        <source>無計時數議程</source>
        <translation>No credit blocks</translation>
    </message>
    <message>
        <source>人工調整</source>
        <translation>Adjusted by hand</translation>
    </message>
    <message>
        <source>依公告時間</source>
        <translation>announced times</translation>
    </message>
    <message>
        <source>依實際時間</source>
        <translation>actual times</translation>
    </message>
    <message>
        <source>不計（待人工調整）</source>
        <translation>Nothing (until adjusted by hand)</translation>
    </message>
    <message>
        <source>計到簽到當節結束</source>
        <translation>Until the end of the block they signed in during</translation>
    </message>
    <message>
        <source>計到課程結束</source>
        <translation>Until the end of the course</translation>
    </message>
</context>
<context>
    <name>welcome</name>
    <message>
        <source>開啟資料庫</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>研習報到台資料庫 (*.sqlite3 *.db);;所有檔案 (*)</source>
        <translation>Workshop Desk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>新增場次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>這個資料庫還沒有活動；請先建立活動。</source>
        <translation>This database has no event yet; create an event first.</translation>
    </message>
</context>
</TS>
