using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// The OAuth client-credentials grant both services use (form-encoded <c>POST /oauth/token</c>),
    /// cached and refreshed a minute before expiry, or halfway through its life when it lives less
    /// than two minutes. The secret is read only to build that request.
    /// </summary>
    internal sealed class ClientCredentialsTokenSource : ITokenSource
    {
        private static readonly TimeSpan RefreshLeeway = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(1);

        private readonly Func<DateTimeOffset> _clock;
        private DateTimeOffset _refreshAt;

        private readonly ApiTransport _transport;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly string? _audience;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private string? _token;

        /// <param name="clock">Now, in UTC; tests pass their own to step through a token's life.</param>
        public ClientCredentialsTokenSource(ApiTransport transport, string clientId, SecureString clientSecret, string? audience, Func<DateTimeOffset>? clock = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _transport = transport;
            _clientId = clientId;
            _clientSecret = clientSecret;
            _audience = audience;
        }

        public bool CanRefresh => true;

        public IReadOnlyCollection<string> GrantedScopes { get; private set; } = Array.Empty<string>();

        public DateTimeOffset? ExpiresOn { get; private set; }

        public async Task<string> GetTokenAsync(Operation operation)
        {
            await _gate.WaitAsync(operation.Cancellation).ConfigureAwait(false);
            try
            {
                if (_token is null || _clock() >= _refreshAt)
                {
                    await FetchAsync(operation).ConfigureAwait(false);
                }
                return _token!;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Invalidate(string token)
        {
            _gate.Wait();
            try
            {
                if (_token == token)
                {
                    _token = null;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task FetchAsync(Operation operation)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("grant_type", "client_credentials"),
                new KeyValuePair<string, string>("client_id", _clientId),
                new KeyValuePair<string, string>("client_secret", Secret.Reveal(_clientSecret)),
            };
            if (_audience is not null)
            {
                form.Add(new KeyValuePair<string, string>("audience", _audience));
            }
            var answer = await _transport.SendAnonymousAsync(ApiRequest.PostForm("oauth/token", form), operation).ConfigureAwait(false) as JObject;
            var token = (string?)answer?["access_token"];
            if (string.IsNullOrEmpty(token))
            {
                throw new ApiException(_transport.Service, "POST", "/oauth/token", 200, ApiErrorKind.InvalidResponse, null, "the token answer carried no access_token", outcomeUnknown: false);
            }
            _token = token;
            var fetched = _clock();
            var lifetime = Lifetime(answer!["expires_in"]);
            ExpiresOn = fetched + lifetime;
            // A margin of a minute would make a token that lives less than that look expired at once, and fetch one before almost every call.
            var half = TimeSpan.FromTicks(lifetime.Ticks / 2);
            _refreshAt = ExpiresOn.Value - (half < RefreshLeeway ? half : RefreshLeeway);
            var scope = (string?)answer["scope"];
            GrantedScopes = scope is null ? JwtClaims.Scopes(token!) : scope.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>Clamped: a captured Scalekit answer once said 18446744064486179580 seconds.</summary>
        private static TimeSpan Lifetime(JToken? expiresIn)
        {
            var text = expiresIn?.ToString();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                return RefreshLeeway + RefreshLeeway;
            }
            var lifetime = TimeSpan.FromSeconds(Math.Min(seconds, LongestLifetime.TotalSeconds));
            return lifetime;
        }
    }
}
