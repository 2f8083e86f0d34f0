import type { Messages } from './en';

/** Japanese. Typed against English, so a missing or extra key fails the build. */
export const ja: Messages = {
  app: {
    title: 'Cognito IAM コンソール',
    nav: {
      label: 'メイン',
      home: 'ホーム',
      profile: 'プロフィール',
      access: 'アクセス',
      users: 'ユーザー',
      groups: 'グループ',
      announcements: 'お知らせ',
      audit: '監査ログ',
    },
    language: '言語',
    languages: { en: 'English', ja: '日本語' },
    loading: '読み込み中…',
    offline: 'オフラインです。今開いたものは接続を待ち、接続が戻ると読み込まれます。',
    waitingForNetwork: '接続を待っています…',
    tryAgain: 'もう一度試す',
    screenFailed:
      'この画面をダウンロードできませんでした。接続を確認して、もう一度お試しください。',
    cancel: 'キャンセル',
    signedInAs: '{{email}} でサインイン中',
    notFound: 'このアドレスのページはありません。',
    goHome: 'ホームへ',
  },
  form: {
    email: 'メールアドレス',
    password: 'パスワード',
    newPassword: '新しいパスワード',
    confirmNewPassword: '新しいパスワード（確認）',
    currentPassword: '現在のパスワード',
    code: '確認コード',
    passwordsDiffer:
      '2 つの新しいパスワードが一致しません。同じパスワードを 2 回入力してください。',
    required: '{{field}}を入力してください。',
  },
  signIn: {
    heading: 'サインイン',
    submit: 'サインイン',
    restoring: '既存のセッションを確認しています…',
    forgot: 'パスワードをお忘れですか？',
    passwordChanged: 'パスワードを再設定しました。新しいパスワードでサインインしてください。',
    signedOut: 'サインアウトしました。',
  },
  newPassword: {
    heading: '新しいパスワードを設定',
    intro:
      'このパスワードは管理者が設定したものです。サインインを完了するには、ご自身のパスワードを設定してください。',
    submit: '新しいパスワードを設定',
  },
  forgotPassword: {
    heading: 'パスワードの再設定',
    intro: 'メールアドレスを入力すると、確認コードをお送りします。',
    sendCode: 'コードを送信',
    codeSent:
      '{{destination}} にコードを送信しました。コードと新しいパスワードを入力してください。',
    submit: 'パスワードを再設定',
    backToSignIn: 'サインインに戻る',
    resend: 'コードを再送信',
  },
  changePassword: {
    heading: 'パスワードの変更',
    submit: 'パスワードを変更',
    done: 'パスワードを変更しました。',
  },
  signOut: {
    submit: 'サインアウト',
    partial:
      'この端末ではサインアウトしましたが、サインインサービスにセッション終了を通知できませんでした: {{reason}}',
  },
  session: {
    heading: 'セッション',
    email: 'メールアドレス',
    groups: 'グループ',
    noGroups: 'なし',
    role: 'ロール',
    noRole: 'なし（ロールのあるグループに属していません）',
    identityId: 'アイデンティティ ID',
    accessKey: 'アクセスキー',
    credentialsExpire: '認証情報の有効期限',
    notObtained: '未取得',
    refresh: 'アクセス権を更新',
    refreshHelp:
      '管理者がグループへの追加や削除を行った後、新しいトークンと認証情報を取得し、サインアウトせずに変更を反映します。',
    expiresIn: 'あと {{time}}',
    expired: '期限切れ',
    refreshed: 'アクセス権は最新です。',
    changePassword: 'パスワードを変更',
    failed: 'サインインしましたが、セッションを読み込めませんでした: {{reason}}',
  },
  guard: {
    needGroupHeading: '{{group}} グループが必要です',
    needGroup:
      'このページは {{group}} グループのメンバー向けですが、あなたはこのグループに属していません。管理者に追加を依頼し、その後アクセス権を更新してください。',
  },
  authErrors: {
    noRole:
      'サインインしましたが、ID プールでアクセスを得られるグループに属していません。管理者にグループへの追加を依頼し、もう一度サインインしてください。',
    temporaryPasswordExpired:
      '仮パスワードの有効期限が切れています。管理者にパスワードのリセットを依頼してください。',
    cannotResetPassword:
      'このアカウントはまだパスワードを再設定できません。まず送られてきた仮パスワードでサインインしてください。',
    incorrectCredentials: 'メールアドレスまたはパスワードが正しくありません。',
    userDisabled: 'このアカウントは無効になっています。管理者に有効化を依頼してください。',
    attemptsExceeded: 'パスワードの誤りが多すぎます。数分待ってからもう一度お試しください。',
    sessionExpired:
      'サインインに時間がかかりすぎたため期限切れになりました。最初からやり直してください。',
    refreshRevoked: 'セッションが終了しました。もう一度サインインしてください。',
    userNotFound: 'このメールアドレスのアカウントはありません。',
    passwordResetRequired:
      '管理者がパスワードをリセットしました。「パスワードをお忘れですか？」から新しいパスワードを設定してください。',
    passwordTooShort: 'パスワードが短すぎます。8 文字以上にしてください。',
    passwordNeedsLowercase: 'パスワードに小文字を含めてください。',
    passwordNeedsUppercase: 'パスワードに大文字を含めてください。',
    passwordNeedsNumber: 'パスワードに数字を含めてください。',
    passwordNeedsSymbol: 'パスワードに ! や # などの記号を含めてください。',
    passwordInvalid:
      'パスワードが条件を満たしていません。大文字・小文字・数字・記号を含む 8 文字以上にしてください。',
    wrongCurrentPassword: '現在のパスワードが正しくありません。',
    codeMismatch:
      '確認コードが正しくありません。最新のメッセージを確認して、もう一度お試しください。',
    codeExpired: '確認コードの有効期限が切れています。新しいコードを請求してください。',
    limitExceeded: '試行回数が多すぎます。しばらく待ってからもう一度お試しください。',
    tooManyRequests: 'サインインサービスが混み合っています。少し待ってからもう一度お試しください。',
    invalidParameter:
      'サインインサービスが入力内容を受け付けませんでした。内容を確認して、もう一度お試しください。',
    network:
      'サインインサービスに接続できませんでした。接続を確認して（ローカルでは `npm start` が動いていることも確認して）、もう一度お試しください。',
    notSignedIn: 'サインインしていません。もう一度サインインしてください。',
    enterEmail: 'メールアドレスを入力してください。',
    enterPassword: 'パスワードを入力してください。',
    enterNewPassword: '新しいパスワードを入力してください。',
    enterCode: '確認コードを入力してください。',
    unsupportedStep:
      'このアカウントには、コンソールがまだ対応していないサインイン手順が必要です（{{step}}）。',
    unknown: '問題が発生しました（{{name}}）。もう一度お試しください。',
  },
  api: {
    explanations: {
      MissingAuthenticationToken:
        'リクエストが署名されていないか、この API にこのメソッドとパスがありません。URL（ステージを含む）と、呼び出しが署名付き fetch を通っていることを確認してください。',
      IncompleteSignature:
        'Authorization ヘッダーが完全な SigV4 署名ではありません。execute-api 用に SigV4 で署名してください。',
      InvalidSignature:
        '署名がリクエストと一致しません。署名後に何か（プロキシ、書き換えられた Host、再エンコードされたクエリ）が変更したか、別のリージョンやサービス用に署名されています。',
      SignatureExpired:
        'AWS の時刻と 5 分以上ずれた時刻で署名されました。この端末の時計を確認してください。小さなずれはコンソールが自動で補正します。',
      UnrecognizedClient:
        'AWS がこの認証情報を認識しません。サインアウトしてもう一度サインインし、新しい認証情報を取得してください。',
      ExpiredToken:
        '一時的な認証情報の有効期限が切れています。「アクセス権を更新」を使うか、もう一度サインインしてください。',
      AccessDenied:
        'あなたの IAM ロールではこのルートを呼び出せません。グループのロールが許可していません。管理者に適切なグループへの追加を依頼し、その後「アクセス権を更新」を使ってください。',
      Unauthorized: 'API がサインイン情報を受け付けませんでした。もう一度サインインしてください。',
      TokenExpired: 'サインインの有効期限が切れました。もう一度サインインしてください。',
      Forbidden: 'API がこの呼び出し元を拒否しました。',
      Throttled: 'リクエストが多すぎます。少し待ってからもう一度お試しください。',
      GatewayFault:
        'API が応答できませんでした。もう一度お試しください。失敗が続く場合は API のログを確認してください。',
      Handler: 'API がリクエストを拒否しました。',
      ResourcePolicyDeny:
        '管理 API のリソースポリシーがこの呼び出し元を拒否しました。呼び出せるのはコンソールのグループのロールと、デプロイ時に指定された自動化ロール（adminApiAutomationRoles）だけです。ご自分のアカウントでコンソールにサインインしてください。',
      CloudFrontHost:
        '管理 API が CloudFront 経由で呼び出されました。CloudFront は Host ヘッダーを書き換えるため、署名は一致しません。管理 API は execute-api のアドレス（config.json の adminApiUrl）で呼び出してください。',
    },
    requestId: 'リクエスト ID: {{requestId}}',
    failed: 'リクエストが失敗しました（{{status}}）: {{message}}',
    network: 'API に接続できませんでした。接続を確認して、もう一度お試しください。',
    badResponse:
      'API が想定外の形式で応答しました。コンソールと API のバージョンが異なる可能性があります。',
    codes: {
      SelfProtection:
        '自分自身のアカウントにはこの操作はできません（誰も自分を締め出したり自分に権限を与えたりしないためです）。別の管理者に依頼してください。',
      AccessRevoked: '管理者権限が取り消されました。もう一度サインインしてください。',
      UnverifiedEmail:
        'このユーザーはメールアドレスを確認していないため、グループを付与できません。先に確認するよう依頼してください。',
      UserNotFoundException: 'このユーザーは存在しません。誰かが削除した可能性があります。',
      UsernameExistsException: 'このメールアドレスのユーザーは既に存在します。',
    },
  },
  table: {
    sortBy: '{{column}}で並べ替え',
    previous: '前のページ',
    next: '次のページ',
    page: '{{page}} ページ目',
  },
  routes: {
    whoami: '呼び出し元の確認',
    listUsers: 'ユーザー一覧',
    inviteUser: 'ユーザーの招待',
    getUser: 'ユーザーの参照',
    deleteUser: 'ユーザーの削除',
    disableUser: 'ユーザーの無効化',
    enableUser: 'ユーザーの有効化',
    resetUserPassword: 'パスワードのリセット',
    addUserToGroup: 'グループへの追加',
    removeUserFromGroup: 'グループからの削除',
    listGroups: 'グループ一覧',
    listGroupMembers: 'グループのメンバー一覧',
    listAudit: '監査ログの参照',
    listAnnouncementsAdmin: 'お知らせ一覧',
    postAnnouncement: 'お知らせの投稿',
    deleteAnnouncement: 'お知らせの削除',
  },
  access: {
    heading: 'アクセス',
    intro:
      '何かが 403 を返したときはこのページを開いてください。このブラウザーのサインイン中のユーザー、管理 API から見た呼び出し元、あなたのロールが呼び出せる管理ルートを表示します。',
    sessionHeading: 'このブラウザーのセッション',
    whoamiHeading: '管理 API から見た呼び出し元',
    callerArn: '呼び出し元',
    username: 'ユーザー',
    sourceIp: '送信元 IP',
    probeHeading: '呼び出せるもの',
    probeIntro:
      '各管理ルートに署名付きのドライランで問い合わせます。API Gateway は実際の呼び出しと同じようにロールを確認し、何も変更されません。',
    probeCaption: '管理ルートと、あなたのロールで呼び出せるかどうか',
    probeSummary: '管理ルート {{total}} 件中 {{allowed}} 件を呼び出せます。',
    probing: '確認中…',
    probeAgain: 'もう一度確認',
    route: 'ルート',
    result: '結果',
    reason: '理由',
    outcome: { allowed: '許可', denied: '拒否', failed: '確認できません' },
  },
  users: {
    heading: 'ユーザー',
    caption: 'ユーザー（{{page}} ページ目）',
    pages: 'ユーザーのページ',
    loading: 'ユーザーを読み込み中…',
    empty: 'ユーザーはまだいません。',
    noMatch: '条件に合うユーザーはいません。',
    filter: 'ユーザーの絞り込み',
    emailPrefix: 'メールアドレスの先頭',
    statusFilter: '状態',
    anyStatus: 'すべての状態',
    filters: {
      enabled: '有効',
      disabled: '無効',
      'force-change-password': 'パスワード変更が必要',
    },
    applyFilter: '絞り込む',
    clearFilter: '条件をクリア',
    email: 'メールアドレス',
    status: '状態',
    enabled: '有効',
    emailVerified: 'メール確認済み',
    created: '作成日時',
    updated: '最終変更',
    actions: '操作',
    yes: 'はい',
    no: 'いいえ',
    you: '（あなた）',
    statuses: {
      UNCONFIRMED: '未確認',
      CONFIRMED: '確認済み',
      EXTERNAL_PROVIDER: '外部プロバイダー',
      RESET_REQUIRED: 'パスワードのリセットが必要',
      FORCE_CHANGE_PASSWORD: 'パスワード変更が必要',
    },
    disableUser: '{{email}} を無効化',
    enableUser: '{{email}} を有効化',
    disable: 'ユーザーを無効化',
    enable: 'ユーザーを有効化',
    confirmDisable: '{{email}} を無効にしますか？ 再び有効にするまでサインインできません。',
    resetPassword: 'パスワードをリセット',
    confirmResetPassword:
      '{{email}} のパスワードをリセットしますか？ メールで届くコードを使って新しいパスワードを設定する必要があります。',
    addToGroup: '{{group}} に追加',
    removeFromGroup: '{{group}} から削除',
    backToList: 'ユーザー一覧へ',
    selfNoActions: 'あなた自身です',
    selfProtection:
      'これはあなた自身のアカウントです。誰も自分を締め出したり自分に権限を与えたりしないよう、無効化・削除・グループへの追加・admin からの削除はできません。別の管理者に依頼してください。',
    selfProtectionGroups:
      '自分をグループに追加したり admin から削除したりすることはできません。別の管理者に依頼してください。',
    unverified: '未確認',
    unverifiedNoGroups:
      'このメールアドレスは所有者によって確認されていないため、グループを付与できません。',
    selfProtectionActions:
      '自分自身のアカウントはここで無効化・リセット・削除できません。別の管理者に依頼してください。',
    delete: {
      heading: 'ユーザーの削除',
      warning: '{{email}} の削除は元に戻せません。アカウントとグループの所属が削除されます。',
      typeEmail: '確認のため {{email}} と入力してください',
      submit: 'ユーザーを削除',
    },
    done: {
      disable: '{{email}} を無効にしました。',
      enable: '{{email}} を有効にしました。',
      resetPassword: '{{email}} のパスワードをリセットし、コードを送信しました。',
      remove: '{{email}} を削除しました。',
      addedTo: '{{email}} を {{group}} に追加しました。',
      removedFrom: '{{email}} を {{group}} から削除しました。',
    },
    invite: {
      heading: 'ユーザーを招待',
      groups: 'グループ',
      submit: '招待を送信',
      sending: '招待を送信中…',
      sent: '{{email}} に招待を送信しました。仮パスワードがメールで届きます。',
      invalidEmail: '有効なメールアドレスを入力してください。',
    },
  },
  groups: {
    heading: 'グループ',
    intro:
      '各グループは ID プールを通じて IAM ロールを渡します。複数のグループに属するユーザーには、優先順位の値が最も小さいグループのロールが使われます。',
    caption: 'ユーザープールのグループ',
    name: 'グループ',
    description: '説明',
    precedence: '優先順位',
    role: 'IAM ロール',
    noRole: 'ロールなし',
    members: 'メンバー',
    membersOf: '{{group}} のメンバー: {{count}} 人',
    membersHeading: '{{group}} のメンバー',
    noMembers: 'このグループにメンバーはいません。',
    backToList: 'グループ一覧へ',
    pages: 'メンバーのページ',
  },
  audit: {
    heading: '監査ログ',
    caption: '管理操作（新しい順、{{page}} ページ目）',
    pages: '監査ログのページ',
    filter: '監査ログの絞り込み',
    actor: '実行者',
    action: '操作',
    anyAction: 'すべての操作',
    applyFilter: '絞り込む',
    empty: '記録された管理操作はまだありません。',
    when: '日時',
    target: '対象',
    outcome: '結果',
    requestId: 'リクエスト ID',
    success: '成功',
    pending: '結果は未記録（完了時にログを利用できませんでした）',
    failure: '失敗: {{error}}',
  },
  profile: {
    heading: 'プロフィール',
    displayName: '表示名',
    language: '言語',
    save: 'プロフィールを保存',
    saving: '保存中…',
    saved: 'プロフィールを保存しました。',
    conflict:
      '編集中に別のタブまたは端末でプロフィールが変更されました。フォームには新しい値が表示されています。もう一度変更して保存してください。',
  },
  emailChange: {
    heading: 'メールアドレスの変更',
    current: '現在のメールアドレス',
    verified: '{{email}}（確認済み）',
    unverified: '{{email}}（未確認）',
    newAddress: '新しいメールアドレス',
    sendCode: 'コードを送信',
    sending: '送信中…',
    codeSent:
      '{{email}} に確認コードを送信しました。下に入力すると変更が完了します。それまではメールアドレスは {{current}} のままで、サインインにもこちらを使います。',
    confirm: 'メールアドレスを変更',
    confirming: '変更中…',
    resend: 'コードを再送信',
    resent: '{{email}} に新しいコードを送信しました。',
    changed:
      'メールアドレスを {{email}} に変更しました。今後はこのアドレスでサインインしてください。',
    errors: {
      enterAddress: '新しいメールアドレスを入力してください。',
      invalidAddress: 'name@example.com のような形式でメールアドレスを入力してください。',
      sameAddress: 'これはすでにあなたのメールアドレスです。',
      taken: 'このメールアドレスは別のアカウントで使われています。',
      notDelivered:
        'このメールアドレスにコードを送信できませんでした。アドレスを確認して、もう一度お試しください。',
      codeFormat: '確認コードはメッセージに記載された 6 桁の数字です。',
      codeExpired:
        'コードの有効期限が切れています。「コードを再送信」で新しいコードを受け取ってください。',
      notAllowed:
        'このコンソールにはメールアドレスを変更する権限がありません。管理者に依頼してください。',
    },
  },
  admin: {
    announcements: {
      heading: 'お知らせ',
      title: 'タイトル',
      body: '本文',
      post: 'お知らせを投稿',
      posted: 'お知らせを投稿しました。',
      remove: '「{{title}}」を削除',
      removed: 'お知らせを削除しました。',
      confirmRemove: 'お知らせ「{{title}}」を削除しますか？ 利用者には表示されなくなります。',
      empty: 'お知らせはまだありません。',
      by: '{{author}}、{{date}}',
    },
  },
  home: {
    heading: 'ホーム',
    announcements: 'お知らせ',
    empty: 'お知らせはまだありません。',
  },
};
