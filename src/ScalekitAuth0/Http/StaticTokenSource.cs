using System;
using System.Collections.Generic;
using System.Security;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    /// <summary>A token the user already has (Auth0's API Explorer token): used as is, never refreshed.</summary>
    internal sealed class StaticTokenSource : ITokenSource
    {
        private readonly SecureString _token;

        public StaticTokenSource(SecureString token)
        {
            _token = token;
            var text = Secret.Reveal(token);
            GrantedScopes = JwtClaims.Scopes(text);
            ExpiresOn = JwtClaims.ExpiresOn(text);
            IsJwt = JwtClaims.IsJwt(text);
            Audiences = JwtClaims.Audiences(text);
        }

        /// <summary>Whether the token has a JWT's shape, as every Management API token has.</summary>
        public bool IsJwt { get; }

        /// <summary>The APIs the token is for (its aud claim).</summary>
        public IReadOnlyCollection<string> Audiences { get; }

        public bool CanRefresh => false;

        public IReadOnlyCollection<string> GrantedScopes { get; }

        public DateTimeOffset? ExpiresOn { get; }

        public Task<string> GetTokenAsync(Operation operation) => Task.FromResult(Secret.Reveal(_token));

        public void Invalidate(string token)
        {
        }
    }
}
