using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    internal interface ITokenSource
    {
        /// <summary>A token valid for at least a minute more (half its life, for a short-lived one), fetched only when the cached one is not.</summary>
        Task<string> GetTokenAsync(Operation operation);

        /// <summary>Whether a refused token can be replaced (client credentials) or not (a token the user gave).</summary>
        bool CanRefresh { get; }

        /// <summary>Drops <paramref name="token"/> if it is still the cached one, so the next call fetches anew.</summary>
        void Invalidate(string token);

        IReadOnlyCollection<string> GrantedScopes { get; }

        DateTimeOffset? ExpiresOn { get; }
    }
}
